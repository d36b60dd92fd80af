/// Why a file could not be written or a JSON document could not be read.
public struct BasicsError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kinds of error.
  public enum Code: String, Sendable, Hashable {
    /// A file could not be created, written, flushed or moved into place.
    case io
    /// The bytes are not one valid JSON document.
    case badJSON
    /// A JSON object lacks a field, or a field holds the wrong kind of value (``JSONFields``).
    case badField
  }

  public let code: Code
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
