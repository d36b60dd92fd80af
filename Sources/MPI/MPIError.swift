/// What went wrong talking to MPI: a code and a sentence naming the call.
public struct MPIError: Error, CustomStringConvertible, Sendable {
  /// Why a call failed.
  public enum Code: String, Sendable {
    /// Started by mpirun, but Open MPI's library (or one of its entries) could not be loaded.
    case unavailable
    /// An MPI call returned an error.
    case call
    /// A message too large for one MPI call (more than 2^31 − 1 bytes from one process).
    case tooLarge
  }

  /// The kind of failure.
  public let code: Code
  /// One line saying what failed.
  public let message: String

  init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
