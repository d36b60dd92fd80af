/// Why a spot was refused: the field at fault (and the line, for a spot file) and what was expected.
public struct SpotError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kinds of spot error.
  public enum Code: String, Sendable, Hashable {
    /// A board card is malformed or repeated, or the board has the wrong number of cards.
    case badBoard
    /// A range could not be read, or the board leaves it empty.
    case badRange
    /// A bet size could not be read.
    case badBetSize
    /// The pot, stack, threshold, raise cap or another number is out of range.
    case badAmount
    /// A spot file line is not `key: value` with a known key.
    case badLine
    /// The spot's tree would not fit in the memory allowed.
    case tooLarge
  }

  /// The kind of error.
  public let code: Code
  /// The field at fault, such as `board` or `river bet sizes for IP`.
  public let field: String
  /// What was wrong and what was expected.
  public let reason: String
  /// The spot file and line, when the spot was read from one.
  public var location: String?

  public init(_ code: Code, field: String, _ reason: String, location: String? = nil) {
    self.code = code
    self.field = field
    self.reason = reason
    self.location = location
  }

  public var description: String {
    (location.map { "\($0): " } ?? "") + "\(field): \(reason)"
  }
}
