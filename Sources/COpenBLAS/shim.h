// The C side of Skeptic's OpenBLAS use. The library is opened at run time (dlopen), the first
// time the card abstraction multiplies matrices, so every other command (solves, bots, the
// arena) runs without OpenBLAS's thread pool, whose threads spin when the library is loaded.
// The few CBLAS entries used keep their C signatures, with CBLAS's enum values as ints
// (row-major 101, no transpose 111, transpose 112). Only Solver's BLAS wrapper
// (Sources/Solver/Abstraction/BLAS.swift) imports this.
#ifndef SKEPTIC_COPENBLAS_SHIM_H
#define SKEPTIC_COPENBLAS_SHIM_H
#include <dlfcn.h>
#include <string.h>

static const int skeptic_blas_row_major = 101;
static const int skeptic_blas_no_trans = 111;
static const int skeptic_blas_trans = 112;

typedef struct skeptic_blas {
  void *library;
  void (*sgemm)(int order, int trans_a, int trans_b, int m, int n, int k, float alpha, const float *a, int lda,
                const float *b, int ldb, float beta, float *c, int ldc);
  void (*sgemv)(int order, int trans, int m, int n, float alpha, const float *a, int lda, const float *x,
                int incx, float beta, float *y, int incy);
  int (*get_num_threads)(void);
  void (*set_num_threads)(int threads);
} skeptic_blas;

/// Opens OpenBLAS and resolves every entry; returns NULL, or what could not be found.
static inline const char *skeptic_blas_load(skeptic_blas *blas) {
  memset(blas, 0, sizeof *blas);
  const char *names[] = {"libopenblas.so.0", "libopenblas.so"};
  for (int i = 0; i < 2 && !blas->library; i++) blas->library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
  if (!blas->library) return "libopenblas.so.0 (Debian's libopenblas0 or libopenblas-dev)";
#define SKEPTIC_BLAS_FIND(field, name)                                  \
  do {                                                                  \
    *(void **)(&blas->field) = dlsym(blas->library, name);              \
    if (!blas->field) return name;                                      \
  } while (0)
  SKEPTIC_BLAS_FIND(sgemm, "cblas_sgemm");
  SKEPTIC_BLAS_FIND(sgemv, "cblas_sgemv");
  SKEPTIC_BLAS_FIND(get_num_threads, "openblas_get_num_threads");
  SKEPTIC_BLAS_FIND(set_num_threads, "openblas_set_num_threads");
#undef SKEPTIC_BLAS_FIND
  return NULL;
}
#endif
