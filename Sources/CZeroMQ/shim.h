// The C side of Skeptic's ZeroMQ wrapper: libzmq's public header, nothing else. Only the Swift
// module ZeroMQ imports this; everything else in Skeptic talks to ZeroMQ through it.
#ifndef SKEPTIC_CZEROMQ_SHIM_H
#define SKEPTIC_CZEROMQ_SHIM_H
#include <zmq.h>
#endif
