/// Why the rules refused a move, or why match-state text could not be read.
public struct RulesError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kinds of rules error.
  public enum Code: String, Sendable, Hashable {
    /// The action is not legal here (the message says why and what is).
    case illegalAction
    /// A card must be dealt before anyone acts, or no card is due.
    case wrongPhase
    /// The card is not in this game's deck or was dealt already.
    case badCard
    /// The hand is over.
    case handOver
    /// Match-state text is malformed.
    case malformedMatchState
  }

  public let code: Code
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
