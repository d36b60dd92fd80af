import Foundation

/// A likelihood-ratio e-process against "each choice follows the stated probabilities": before
/// each choice it predicts frequencies from the choices so far (Krichevsky–Trofimov: counts plus
/// 1/2, per context), and capital is multiplied by q(a)/p(a) for the choice a made. Under the
/// claim this is a test martingale, whatever the contexts and stated probabilities are.
///
/// An agent tests "the opponent plays this strategy" with one context per information set.
public struct CategoricalLikelihoodRatio<Context: Hashable & Sendable>: Sendable {
  var counts: [Context: [Double]] = [:]
  public private(set) var logCapital = 0.0
  public private(set) var logMaximum = 0.0
  public private(set) var count = 0

  public init() {}

  /// The predicted probabilities for a context with `choices` options.
  public func prediction(_ context: Context, choices: Int) -> [Double] {
    let seen = counts[context] ?? [Double](repeating: 0, count: choices)
    let total = seen.reduce(0, +) + 0.5 * Double(choices)
    return seen.map { ($0 + 0.5) / total }
  }

  /// Records that `choice` was made where the claim gave `probabilities`.
  public mutating func observe(context: Context, probabilities: [Double], choice: Int) throws(ProbabilityError) {
    guard probabilities.indices.contains(choice) else {
      throw ProbabilityError(.outOfRange, "choice \(choice) is not one of the \(probabilities.count) options")
    }
    guard probabilities.allSatisfy({ $0 >= 0 && $0.isFinite }), abs(probabilities.reduce(0, +) - 1) < 1e-6 else {
      throw ProbabilityError(.badParameter, "the claimed probabilities \(probabilities) do not form a distribution")
    }
    let q = prediction(context, choices: probabilities.count)[choice]
    if probabilities[choice] == 0 {
      logCapital = .infinity
    } else {
      logCapital += log(q) - log(probabilities[choice])
    }
    logMaximum = max(logMaximum, logCapital)
    var seen = counts[context] ?? [Double](repeating: 0, count: probabilities.count)
    if seen.count != probabilities.count { seen = [Double](repeating: 0, count: probabilities.count) }
    seen[choice] += 1
    counts[context] = seen
    count += 1
  }

  public var eValue: Double { exp(logCapital) }
}
