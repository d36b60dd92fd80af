/// What was wrong with an input to the probability library.
public struct ProbabilityError: Error, Hashable, Sendable, CustomStringConvertible {
  public enum Code: String, Sendable, Hashable {
    /// A parameter (α, a range, a bet) is out of its domain.
    case badParameter
    /// An observation is outside its declared range, or not a number.
    case outOfRange
    /// A move out of turn or one that could make capital negative.
    case protocolViolation
    /// A data file or column could not be read.
    case badInput
  }

  public let code: Code
  public let message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
