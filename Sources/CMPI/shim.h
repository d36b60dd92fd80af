// The C side of Skeptic's MPI wrapper. Open MPI's library is opened at run time (dlopen), only
// when a process was started by mpirun, so the same `skeptic` binary runs without MPI
// installed and a run outside mpirun never loads it. The handles MPI's header defines as macros
// (MPI_COMM_WORLD, MPI_BYTE, MPI_INT) are Open MPI's predefined objects, looked up by their
// exported names; the functions keep the signatures of the MPI standard (C binding), with
// handles as opaque pointers as Open MPI defines them. Only the Swift module MPI uses this.
#ifndef SKEPTIC_CMPI_SHIM_H
#define SKEPTIC_CMPI_SHIM_H
#include <dlfcn.h>
#include <stddef.h>
#include <string.h>

typedef struct skeptic_mpi {
  void *library;
  int (*init_thread)(int *argc, char ***argv, int required, int *provided);
  int (*finalize)(void);
  int (*abort)(void *comm, int code);
  int (*comm_rank)(void *comm, int *rank);
  int (*comm_size)(void *comm, int *size);
  int (*allgather)(const void *send, int sendCount, void *sendType, void *receive, int receiveCount,
                   void *receiveType, void *comm);
  int (*allgatherv)(const void *send, int sendCount, void *sendType, void *receive, const int *receiveCounts,
                    const int *displacements, void *receiveType, void *comm);
  int (*bcast)(void *buffer, int count, void *type, int root, void *comm);
  int (*barrier)(void *comm);
  int (*error_string)(int code, char *text, int *length);
  void *comm_world;
  void *type_byte;
  void *type_int;
} skeptic_mpi;

/// MPI_THREAD_FUNNELED: only the main thread calls MPI.
static const int skeptic_mpi_thread_funneled = 1;
/// MPI_MAX_ERROR_STRING in Open MPI.
static const int skeptic_mpi_max_error_string = 256;

/// Opens Open MPI's library and resolves every entry; returns NULL, or what could not be found.
static inline const char *skeptic_mpi_load(skeptic_mpi *mpi) {
  memset(mpi, 0, sizeof *mpi);
  // RTLD_GLOBAL: Open MPI's own plug-ins, which it opens in turn, resolve against these symbols.
  const char *names[] = {"libmpi.so.40", "libmpi.so"};
  for (int i = 0; i < 2 && !mpi->library; i++) mpi->library = dlopen(names[i], RTLD_NOW | RTLD_GLOBAL);
  if (!mpi->library) return "libmpi.so.40 (Open MPI)";
#define SKEPTIC_MPI_FIND(field, name)                                   \
  do {                                                                  \
    *(void **)(&mpi->field) = dlsym(mpi->library, name);                \
    if (!mpi->field) return name;                                       \
  } while (0)
  SKEPTIC_MPI_FIND(init_thread, "MPI_Init_thread");
  SKEPTIC_MPI_FIND(finalize, "MPI_Finalize");
  SKEPTIC_MPI_FIND(abort, "MPI_Abort");
  SKEPTIC_MPI_FIND(comm_rank, "MPI_Comm_rank");
  SKEPTIC_MPI_FIND(comm_size, "MPI_Comm_size");
  SKEPTIC_MPI_FIND(allgather, "MPI_Allgather");
  SKEPTIC_MPI_FIND(allgatherv, "MPI_Allgatherv");
  SKEPTIC_MPI_FIND(bcast, "MPI_Bcast");
  SKEPTIC_MPI_FIND(barrier, "MPI_Barrier");
  SKEPTIC_MPI_FIND(error_string, "MPI_Error_string");
  SKEPTIC_MPI_FIND(comm_world, "ompi_mpi_comm_world");
  SKEPTIC_MPI_FIND(type_byte, "ompi_mpi_byte");
  SKEPTIC_MPI_FIND(type_int, "ompi_mpi_int");
#undef SKEPTIC_MPI_FIND
  return NULL;
}
#endif
