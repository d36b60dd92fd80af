import Foundation
import Randomness

/// Conformal test martingales against exchangeability (Vovk): each new nonconformity score gets a
/// smoothed conformal p-value, its rank among the scores so far with ties broken at random, which
/// is uniform and independent of the past when the sequence is exchangeable; betting functions of
/// those p-values give test martingales. A sequence that stops being exchangeable, such as an
/// opponent who changes style, makes them grow.
public struct ConformalTestMartingale: Sendable {
  public enum Kind: Sendable, Hashable {
    /// Π ε p^(ε − 1) for one ε in (0, 1).
    case power(Double)
    /// The average of power martingales over ε on a grid in (0, 1) (the simple mixture).
    case mixture
    /// Vovk's jumper: bets 1 + ε (p − 1/2) with ε in {−1, 0, 1}, jumping between them at rate J.
    case jumper(Double)
  }

  public let kind: Kind
  var scores: [Double] = []
  var generator: SeededGenerator
  var logCapitals: [Double]
  let epsilons: [Double]
  public private(set) var logMaximum = 0.0

  public init(kind: Kind, seed: UInt64) throws(ProbabilityError) {
    self.kind = kind
    generator = SeededGenerator(seed: seed)
    switch kind {
    case .power(let epsilon):
      guard epsilon > 0, epsilon < 1 else { throw ProbabilityError(.badParameter, "ε = \(epsilon) must lie in (0, 1)") }
      epsilons = [epsilon]
    case .mixture:
      epsilons = (1...99).map { Double($0) / 100 }
    case .jumper(let rate):
      guard rate >= 0, rate <= 1 else { throw ProbabilityError(.badParameter, "jump rate \(rate) must lie in [0, 1]") }
      epsilons = [-1, 0, 1]
    }
    logCapitals = [Double](repeating: kind == .mixture ? 0 : 0, count: epsilons.count)
    if case .jumper = kind { logCapitals = [Double](repeating: log(1.0 / 3), count: 3) }
  }

  /// The smoothed conformal p-value of a new score (larger scores are stranger), then bet on it.
  public mutating func observe(_ score: Double) throws(ProbabilityError) {
    guard score.isFinite else {
      throw ProbabilityError(.outOfRange, "score \(scores.count + 1) is \(score), not a number")
    }
    scores.append(score)
    var greater = 0
    var equal = 0
    for other in scores {
      if other > score { greater += 1 } else if other == score { equal += 1 }
    }
    let p = (Double(greater) + generator.unitDouble() * Double(equal)) / Double(scores.count)
    let safeP = max(p, 1e-300)
    switch kind {
    case .power, .mixture:
      for i in epsilons.indices { logCapitals[i] += log(epsilons[i]) + (epsilons[i] - 1) * log(safeP) }
    case .jumper(let rate):
      // Redistribute a share `rate` of the total capital evenly, then bet.
      let total = logSumExp(logCapitals)
      for i in epsilons.indices {
        logCapitals[i] = logSumExp([log(1 - rate) + logCapitals[i], log(rate / 3) + total])
        logCapitals[i] += log1p(epsilons[i] * (p - 0.5))
      }
    }
    logMaximum = max(logMaximum, logCapital)
  }

  /// log of the martingale's value.
  public var logCapital: Double {
    switch kind {
    case .power: logCapitals[0]
    case .mixture: logSumExp(logCapitals) - log(Double(logCapitals.count))
    case .jumper: logSumExp(logCapitals)
    }
  }

  public var count: Int { scores.count }
}

func logSumExp(_ values: [Double]) -> Double {
  guard let top = values.max(), top.isFinite else { return values.max() ?? -.infinity }
  return top + log(values.reduce(0) { $0 + exp($1 - top) })
}
