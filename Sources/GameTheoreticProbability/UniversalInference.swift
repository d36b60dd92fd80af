import Foundation

/// Universal inference for a composite claim about 0/1 outcomes, "the success probability is at
/// most p₀": the predictive likelihood of the outcomes (Krichevsky–Trofimov) divided by the
/// largest likelihood any success probability ≤ p₀ gives them. An e-process under every member of
/// the claim (Wasserman, Ramdas and Balakrishnan).
public struct UniversalInferenceBernoulli: Sendable {
  public let bound: Double
  var successes = 0.0
  var failures = 0.0
  var logPredictive = 0.0

  public init(atMost bound: Double) throws(ProbabilityError) {
    guard bound > 0, bound < 1 else { throw ProbabilityError(.badParameter, "p₀ = \(bound) must lie in (0, 1)") }
    self.bound = bound
  }

  public mutating func observe(_ success: Bool) {
    let total = successes + failures
    let q = (successes + 0.5) / (total + 1)
    logPredictive += success ? log(q) : log(1 - q)
    if success { successes += 1 } else { failures += 1 }
  }

  /// log of the e-value.
  public var logEValue: Double {
    let total = successes + failures
    guard total > 0 else { return 0 }
    let best = min(successes / total, bound)
    var logLikelihood = 0.0
    if successes > 0 { logLikelihood += successes * log(best) }
    if failures > 0 { logLikelihood += failures * log(1 - best) }
    return logPredictive - logLikelihood
  }

  public var eValue: Double { exp(logEValue) }
}
