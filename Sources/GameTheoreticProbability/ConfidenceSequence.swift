/// An anytime-valid confidence sequence for the mean of bounded observations: read its interval
/// after any observation; with probability at least 1 − α every interval ever reported contains
/// the mean.
public protocol ConfidenceSequence: Sendable {
  /// Takes the next observation.
  mutating func observe(_ x: Double) throws(ProbabilityError)
  /// The current interval on the observations' scale; nil if it became empty (possible only on
  /// the rare paths the guarantee allows).
  var interval: ClosedRange<Double>? { get }
  /// Observations taken.
  var count: Int { get }
}

/// Checks α and the range shared by every confidence sequence.
func checkSetup(alpha: Double, lower: Double, upper: Double) throws(ProbabilityError) {
  guard alpha > 0, alpha < 1 else {
    throw ProbabilityError(.badParameter, "α = \(alpha) must lie strictly between 0 and 1")
  }
  guard lower.isFinite, upper.isFinite, lower < upper else {
    throw ProbabilityError(.badParameter, "the range [\(lower), \(upper)] must be finite with lower < upper")
  }
}

/// Checks an observation and returns it on the [0, 1] scale.
func scaled(_ x: Double, _ lower: Double, _ upper: Double, index: Int) throws(ProbabilityError) -> Double {
  guard x.isFinite else { throw ProbabilityError(.outOfRange, "observation \(index) is \(x), not a number") }
  guard x >= lower, x <= upper else {
    throw ProbabilityError(.outOfRange, "observation \(index) is \(x), outside [\(lower), \(upper)]")
  }
  return (x - lower) / (upper - lower)
}
