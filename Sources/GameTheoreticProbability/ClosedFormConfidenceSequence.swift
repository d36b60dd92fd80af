import Foundation

/// The closed-form predictable plug-in confidence sequences of Waudby-Smith and Ramdas: a
/// weighted mean ± a margin, updated in O(1) per observation.
/// - ``Kind/empiricalBernstein``: λ_i = min(sqrt(2 log(2/α) / (σ̂²_{i−1} i log(1 + i))), c),
///   margin (log(2/α) + Σ 4 (x_i − μ̂_{i−1})² ψ_E(λ_i)) / Σ λ_i, ψ_E(λ) = (−log(1 − λ) − λ) / 4.
/// - ``Kind/hoeffding``: λ_i = min(sqrt(8 log(2/α) / (i log(1 + i))), 1), margin
///   (log(2/α) + Σ λ_i² / 8) / Σ λ_i.
/// The interval is intersected over time.
public struct ClosedFormConfidenceSequence: ConfidenceSequence {
  public enum Kind: String, Sendable, CaseIterable {
    case empiricalBernstein = "eb"
    case hoeffding
  }

  public let kind: Kind
  public let alpha: Double
  public let lower: Double
  public let upper: Double
  public let cap: Double
  /// Whether the interval is intersected over time (the default).
  public let runningIntersection: Bool
  public private(set) var count = 0
  var moments = RunningMoments()
  var weightedSum = 0.0
  var weights = 0.0
  var penalty = 0.0
  var low = 0.0
  var high = 1.0

  public init(
    kind: Kind, alpha: Double, lower: Double = 0, upper: Double = 1, cap: Double = 0.5, runningIntersection: Bool = true
  ) throws(ProbabilityError) {
    try checkSetup(alpha: alpha, lower: lower, upper: upper)
    self.kind = kind
    self.alpha = alpha
    self.lower = lower
    self.upper = upper
    self.cap = cap
    self.runningIntersection = runningIntersection
  }

  public mutating func observe(_ x: Double) throws(ProbabilityError) {
    let value = try scaled(x, lower, upper, index: count + 1)
    let t = Double(count + 1)
    let logTerm = log(2 / alpha)
    let lambda: Double
    switch kind {
    case .empiricalBernstein:
      lambda = min((2 * logTerm / (moments.variance * t * log(1 + t))).squareRoot(), cap)
      let deviation = value - moments.mean
      penalty += 4 * deviation * deviation * (-log1p(-lambda) - lambda) / 4
    case .hoeffding:
      lambda = min((8 * logTerm / (t * log(1 + t))).squareRoot(), 1)
      penalty += lambda * lambda / 8
    }
    weightedSum += lambda * value
    weights += lambda
    moments.add(value)
    count += 1
    let centre = weightedSum / weights
    let margin = (logTerm + penalty) / weights
    low = runningIntersection ? max(low, centre - margin) : max(0, centre - margin)
    high = runningIntersection ? min(high, centre + margin) : min(1, centre + margin)
  }

  public var interval: ClosedRange<Double>? {
    guard low <= high else { return nil }
    return (lower + low * (upper - lower))...(lower + high * (upper - lower))
  }
}
