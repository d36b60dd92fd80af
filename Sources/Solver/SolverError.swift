/// Why the solver refused a game, a file or an argument.
public struct SolverError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kinds of solver error.
  public enum Code: String, Sendable, Hashable {
    /// The game's tree would not fit in the memory allowed.
    case gameTooLarge
    /// The game needs something the solver does not yet do (such as an action abstraction).
    case unsupportedGame
    /// A policy or checkpoint file is truncated, corrupted, or of another version.
    case badFile
    /// A file could not be read or written.
    case io
    /// A parameter is out of range.
    case badParameter
  }

  public let code: Code
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
