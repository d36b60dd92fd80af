import Foundation

/// A betting strategy against the claim "each outcome in [0, 1] has conditional mean m": before
/// each outcome it names a fraction λ, and capital is multiplied by 1 + λ (x − m). The fraction
/// must lie in [−1/(1 − m), 1/m] so that no outcome makes capital negative; strategies clip to
/// [−c/(1 − m), c/m] with c < 1.
public protocol Bettor: Sendable {
  /// The fraction for the next outcome, from the outcomes seen so far only.
  func fraction(against mean: Double) -> Double
  /// Records an outcome after it is revealed.
  mutating func observe(_ x: Double)
}

/// Clips a fraction to the range that keeps capital at least (1 − c) of what it was.
@inline(__always)
func clip(_ lambda: Double, mean m: Double, cap c: Double) -> Double {
  min(max(lambda, -c / max(1 - m, 1e-300)), c / max(m, 1e-300))
}

/// Bets the same fraction every round.
public struct FixedFractionBettor: Bettor {
  public let lambda: Double
  public init(_ lambda: Double) { self.lambda = lambda }
  public func fraction(against mean: Double) -> Double { clip(lambda, mean: mean, cap: 1) }
  public mutating func observe(_ x: Double) {}
}

/// Predictable plug-in: |λ_t| = sqrt(2 log(2/α) / (σ̂²_{t−1} t log(1 + t))), in the direction
/// of μ̂_{t−1} − m, clipped with c.
public struct PlugInBettor: Bettor {
  public let alpha: Double
  public let cap: Double
  public private(set) var moments = RunningMoments()

  public init(alpha: Double, cap: Double = 0.5) {
    self.alpha = alpha
    self.cap = cap
  }

  /// The unsigned size for round t = count + 1.
  public var size: Double {
    let t = Double(moments.count + 1)
    return (2 * log(2 / alpha) / (moments.variance * t * log(1 + t))).squareRoot()
  }

  public func fraction(against mean: Double) -> Double {
    let direction: Double = moments.mean >= mean ? 1 : -1
    return clip(direction * size, mean: mean, cap: cap)
  }

  public mutating func observe(_ x: Double) { moments.add(x) }
}

/// aGRAPA: λ_t = (μ̂_{t−1} − m) / (σ̂²_{t−1} + (μ̂_{t−1} − m)²), clipped with c; a second-order
/// approximation of the growth-optimal fraction.
public struct AGRAPABettor: Bettor {
  public let cap: Double
  public private(set) var moments = RunningMoments()

  public init(cap: Double = 0.5) { self.cap = cap }

  public func fraction(against mean: Double) -> Double {
    let gap = moments.mean - mean
    return clip(gap / (moments.variance + gap * gap), mean: mean, cap: cap)
  }

  public mutating func observe(_ x: Double) { moments.add(x) }
}

/// GRAPA: the fraction that would have grown capital fastest on the outcomes so far,
/// argmax_λ Σ log(1 + λ (x_i − m)) over the clipped range, found by bisection on the derivative.
/// Outcomes are kept as counts of distinct values, so data from a small set stays cheap.
public struct GRAPABettor: Bettor {
  public let cap: Double
  private var counts: [Double: Int] = [:]

  public init(cap: Double = 0.5) { self.cap = cap }

  public func fraction(against mean: Double) -> Double {
    guard !counts.isEmpty else { return 0 }
    func slope(_ lambda: Double) -> Double {
      counts.reduce(0.0) { total, entry in
        let gap = entry.key - mean
        return total + Double(entry.value) * gap / (1 + lambda * gap)
      }
    }
    var low = -cap / max(1 - mean, 1e-300)
    var high = cap / max(mean, 1e-300)
    if slope(low) <= 0 { return low }
    if slope(high) >= 0 { return high }
    for _ in 0..<60 {
      let middle = (low + high) / 2
      if slope(middle) > 0 { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }

  public mutating func observe(_ x: Double) { counts[x, default: 0] += 1 }
}

/// Krichevsky–Trofimov: bets as if the outcome were a coin with heads probability
/// q = (Σ x_i + 1/2) / (t + 1), that is λ = (q − m) / (m (1 − m)). For 0/1 outcomes the capital is
/// the likelihood ratio of the KT mixture against the null.
public struct KTBettor: Bettor {
  private var sum = 0.0
  private var count = 0

  public init() {}

  public func fraction(against mean: Double) -> Double {
    let q = (sum + 0.5) / Double(count + 1)
    return clip((q - mean) / (mean * (1 - mean)), mean: mean, cap: 1)
  }

  public mutating func observe(_ x: Double) {
    sum += x
    count += 1
  }
}

/// A uniform mixture of fixed-fraction bettors over a grid of fractions: each keeps its own
/// capital and the mixture bets their capital-weighted average fraction, so the mixture's capital
/// is the average of theirs.
public struct MixtureBettor: Bettor {
  public let fractions: [Double]
  private var logCapitals: [Double]
  private let mean: Double

  /// A mixture over `count` fractions spread evenly over the clipped range for `mean`.
  public init(mean: Double, count: Int = 21, cap: Double = 0.5) {
    let low = -cap / (1 - mean)
    let high = cap / mean
    fractions = (0..<count).map { low + (high - low) * Double($0) / Double(max(count - 1, 1)) }
    logCapitals = [Double](repeating: 0, count: count)
    self.mean = mean
  }

  public func fraction(against mean: Double) -> Double {
    let top = logCapitals.max() ?? 0
    var weighted = 0.0
    var total = 0.0
    for (lambda, logCapital) in zip(fractions, logCapitals) {
      let weight = exp(logCapital - top)
      weighted += weight * lambda
      total += weight
    }
    return weighted / total
  }

  public mutating func observe(_ x: Double) {
    for i in fractions.indices { logCapitals[i] += log1p(fractions[i] * (x - mean)) }
  }
}
