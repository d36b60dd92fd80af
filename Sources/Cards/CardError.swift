/// What was wrong with card text: which token, at which position, and why.
public struct CardError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kinds of card-text error.
  public enum Code: String, Sendable, Hashable {
    /// A token is not a rank character followed by a suit character.
    case malformedCard
    /// The same card appears twice, or collides with a card already in use.
    case duplicateCard
    /// There are more or fewer cards than the context requires.
    case wrongCardCount
    /// A range token could not be read.
    case malformedRange
    /// A card lies outside a smaller game's deck.
    case cardNotInDeck
  }

  /// The kind of error.
  public let code: Code
  /// The offending token, or the whole text when no single token is to blame.
  public let token: String
  /// A sentence saying what was expected.
  public let reason: String

  public init(_ code: Code, token: String, reason: String) {
    self.code = code
    self.token = token
    self.reason = reason
  }

  public var description: String { "'\(token)': \(reason)" }
}
