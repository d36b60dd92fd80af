// The C side of Skeptic's OpenBLAS use: CBLAS from Debian's libopenblas-dev, nothing else. Only
// Solver's BLAS wrapper (Sources/Solver/Abstraction/BLAS.swift) imports this.
#ifndef SKEPTIC_COPENBLAS_SHIM_H
#define SKEPTIC_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
