import Foundation

/// Converting between e-values and p-values, and combining e-values.
public enum EValues {
  /// The κ-calibrator: e = κ p^(κ − 1), an e-value from a p-value, for κ in (0, 1).
  public static func fromP(_ p: Double, kappa: Double = 0.5) throws(ProbabilityError) -> Double {
    guard p > 0, p <= 1 else { throw ProbabilityError(.badParameter, "p-value \(p) must lie in (0, 1]") }
    guard kappa > 0, kappa < 1 else { throw ProbabilityError(.badParameter, "κ = \(kappa) must lie in (0, 1)") }
    return kappa * pow(p, kappa - 1)
  }

  /// A p-value from an e-value by Markov's inequality: min(1, 1/e).
  public static func toP(_ e: Double) throws(ProbabilityError) -> Double {
    guard e >= 0, !e.isNaN else { throw ProbabilityError(.badParameter, "e-value \(e) must be non-negative") }
    return min(1, 1 / e)
  }

  /// The average: an e-value however the inputs depend on each other.
  public static func mean(_ values: [Double]) throws(ProbabilityError) -> Double {
    guard !values.isEmpty else { throw ProbabilityError(.badParameter, "no e-values to merge") }
    return values.reduce(0, +) / Double(values.count)
  }

  /// The product: an e-value when the inputs are independent or each is valid given the ones
  /// before it (sequential e-values).
  public static func product(_ values: [Double]) throws(ProbabilityError) -> Double {
    guard !values.isEmpty else { throw ProbabilityError(.badParameter, "no e-values to merge") }
    return values.reduce(1, *)
  }
}
