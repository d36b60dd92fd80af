/// What is wrong with a game definition, and where.
public struct GameDefinitionError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kinds of game-definition error.
  public enum Code: String, Sendable, Hashable {
    /// No `GAMEDEF` … `END GAMEDEF` block.
    case missingBlock
    /// A key the format does not have.
    case unknownKey
    /// A required key is absent.
    case missingKey
    /// A value is not a number, or a line is not `key = value`.
    case malformedValue
    /// Values disagree with each other or with the deck (counts, ranges, card totals).
    case inconsistent
    /// A bundled game name that does not exist.
    case unknownGame
    /// The file could not be read.
    case unreadableFile
  }

  /// The kind of error.
  public let code: Code
  /// Where the definition came from (a file path or a bundled name).
  public let source: String
  /// The 1-based line, when one line is to blame.
  public let line: Int?
  /// The key involved, when one is.
  public let key: String?
  /// What was wrong and what was expected.
  public let message: String

  public init(_ code: Code, source: String, line: Int? = nil, key: String? = nil, _ message: String) {
    self.code = code
    self.source = source
    self.line = line
    self.key = key
    self.message = message
  }

  public var description: String {
    var location = source
    if let line { location += ":\(line)" }
    if let key { location += " (\(key))" }
    return "\(location): \(message)"
  }
}
