import Foundation

/// A member of the CFR family, with its parameters.
///
/// Conventions (t is the 1-based iteration; with alternating updates each player's regrets are
/// updated, and discounted, right after that player's walk, as OpenSpiel's solvers do):
/// - ``cfr``: regret matching, uniform average.
/// - ``cfrPlus``: regret matching+ (regrets floored at 0), average weighted by t.
/// - ``discounted(alpha:beta:gamma:)``: after each update, positive regrets are multiplied by
///   t^α/(t^α+1) and negative ones by t^β/(t^β+1); the average is weighted by t^γ. LCFR is
///   (1, 1, 1) and DCFR's default (3/2, 0, 2).
/// - ``predictivePlus``: predictive regret matching+ (the last instantaneous regret is the
///   prediction), average weighted by t².
public enum Algorithm: Hashable, Sendable, CustomStringConvertible {
  case cfr
  case cfrPlus
  case discounted(alpha: Double, beta: Double, gamma: Double)
  case predictivePlus

  /// LCFR: discounted with (1, 1, 1).
  public static let linear = Algorithm.discounted(alpha: 1, beta: 1, gamma: 1)
  /// DCFR with its recommended parameters (3/2, 0, 2).
  public static let dcfr = Algorithm.discounted(alpha: 1.5, beta: 0, gamma: 2)

  /// Reads `cfr`, `cfr+`, `lcfr`, `dcfr`, `pcfr+`.
  public init?(name: String) {
    switch name.lowercased() {
    case "cfr": self = .cfr
    case "cfr+", "cfrplus": self = .cfrPlus
    case "lcfr", "linear": self = .linear
    case "dcfr": self = .dcfr
    case "pcfr+", "pcfrplus": self = .predictivePlus
    default: return nil
    }
  }

  /// The names ``init(name:)`` reads.
  public static let names = ["cfr", "cfr+", "lcfr", "dcfr", "pcfr+"]

  public var description: String {
    switch self {
    case .cfr: "cfr"
    case .cfrPlus: "cfr+"
    case .predictivePlus: "pcfr+"
    case .discounted(1, 1, 1): "lcfr"
    case .discounted(let alpha, let beta, let gamma): "dcfr(\(alpha),\(beta),\(gamma))"
    }
  }

  /// The weight of iteration `t`'s strategy in the average.
  func averageWeight(_ t: Int) -> Double {
    switch self {
    case .cfr: 1
    case .cfrPlus: Double(t)
    case .predictivePlus: Double(t) * Double(t)
    case .discounted(_, _, let gamma): Foundation.pow(Double(t), gamma)
    }
  }
}
