import MPI
import Solver

/// An MPI job's ranks exchange a blueprint trainer's batches.
extension MPIWorld: BatchExchange {}
