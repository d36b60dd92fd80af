import Foundation

/// An anytime-valid comparison of two players from paired results, such as the two seatings of a
/// duplicate deal: each observation is the difference d = a − b, in [−range, range]. It keeps a
/// confidence sequence for the mean difference and two one-sided tests, "A is no better than B"
/// (mean d ≤ 0) and "B is no better than A" (mean d ≥ 0), whose capitals are e-values.
public struct PairedComparison: Sendable {
  /// When to stop watching.
  public enum StoppingRule: Sendable, Hashable {
    /// An e-value passes 1/α: one player is shown better.
    case decisive
    /// The interval excludes this mean difference.
    case excludes(Double)
    /// The interval is narrower than this.
    case narrowerThan(Double)
  }

  public let alpha: Double
  public let range: Double
  public private(set) var sequence: HedgedConfidenceSequence
  public private(set) var aBetter: TestMartingale<OneSidedBettor<AGRAPABettor>>
  public private(set) var bBetter: TestMartingale<OneSidedBettor<AGRAPABettor>>

  /// - Parameter range: the largest possible |a − b|.
  public init(alpha: Double, range: Double) throws(ProbabilityError) {
    guard range > 0, range.isFinite else { throw ProbabilityError(.badParameter, "range \(range) must be positive") }
    self.alpha = alpha
    self.range = range
    sequence = try HedgedConfidenceSequence(alpha: alpha, lower: -range, upper: range)
    aBetter = try TestMartingale(
      mean: 0, lower: -range, upper: range, bettor: OneSidedBettor(AGRAPABettor(), betting: .above))
    bBetter = try TestMartingale(
      mean: 0, lower: -range, upper: range, bettor: OneSidedBettor(AGRAPABettor(), betting: .below))
  }

  public var count: Int { sequence.count }

  /// Takes one pair's results.
  public mutating func observe(a: Double, b: Double) throws(ProbabilityError) {
    try observe(difference: a - b)
  }

  public mutating func observe(difference d: Double) throws(ProbabilityError) {
    try sequence.observe(d)
    try aBetter.observe(d)
    try bBetter.observe(d)
  }

  /// The e-value that A is better (against "mean difference ≤ 0").
  public var eValueABetter: Double { aBetter.eValue }
  /// The e-value that B is better.
  public var eValueBBetter: Double { bBetter.eValue }

  /// The first rule that says stop, if any.
  public func shouldStop(_ rules: [StoppingRule]) -> StoppingRule? {
    for rule in rules {
      switch rule {
      case .decisive:
        if aBetter.hasRejected(alpha: alpha) || bBetter.hasRejected(alpha: alpha) { return rule }
      case .excludes(let value):
        if let interval = sequence.interval, !interval.contains(value) { return rule }
      case .narrowerThan(let width):
        if let interval = sequence.interval, interval.upperBound - interval.lowerBound < width { return rule }
      }
    }
    return nil
  }
}
