import Foundation

/// Testing by betting, one outcome at a time: the capital of a ``Bettor`` against "each outcome in
/// [lower, upper] has conditional mean m". Capital starts at 1 and is kept as a logarithm, so a
/// million rounds neither overflow nor underflow. Under the claim it is a test martingale: by
/// Ville's inequality it ever reaches 1/α with probability at most α, so it may be read after
/// every outcome.
public struct TestMartingale<B: Bettor>: Sendable {
  public let lower: Double
  public let upper: Double
  /// The claimed mean, on the original scale.
  public let mean: Double
  public private(set) var bettor: B
  /// log of the current capital.
  public private(set) var logCapital = 0.0
  /// log of the largest capital reached so far.
  public private(set) var logMaximum = 0.0
  public private(set) var count = 0

  public init(mean: Double, lower: Double = 0, upper: Double = 1, bettor: B) throws(ProbabilityError) {
    guard lower.isFinite, upper.isFinite, lower < upper else {
      throw ProbabilityError(.badParameter, "the range [\(lower), \(upper)] must be finite with lower < upper")
    }
    guard mean > lower, mean < upper else {
      throw ProbabilityError(.badParameter, "the claimed mean \(mean) must lie strictly inside [\(lower), \(upper)]")
    }
    self.lower = lower
    self.upper = upper
    self.mean = mean
    self.bettor = bettor
  }

  var scaledMean: Double { (mean - lower) / (upper - lower) }

  /// Bets on the next outcome, then takes it.
  public mutating func observe(_ x: Double) throws(ProbabilityError) {
    guard x.isFinite else { throw ProbabilityError(.outOfRange, "observation \(count + 1) is \(x), not a number") }
    guard x >= lower, x <= upper else {
      throw ProbabilityError(.outOfRange, "observation \(count + 1) is \(x), outside [\(lower), \(upper)]")
    }
    let scaled = (x - lower) / (upper - lower)
    let lambda = bettor.fraction(against: scaledMean)
    logCapital += log1p(lambda * (scaled - scaledMean))
    logMaximum = max(logMaximum, logCapital)
    bettor.observe(scaled)
    count += 1
  }

  /// The capital: an e-value for the claim at this moment.
  public var eValue: Double { exp(logCapital) }

  /// True once the capital has reached 1/α at some time (the test rejects at level α).
  public func hasRejected(alpha: Double) -> Bool { logMaximum >= log(1 / alpha) }
}
