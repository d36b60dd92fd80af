/// How a bot whose strategy knows only a bet menu reads an opponent's bet that is not on it: a
/// bet of `x` (a share of the pot) between the menu's neighbours `A < x < B` is taken as `A`
/// with a probability, as `B` otherwise. Bets below the smallest size are taken as the smallest,
/// above the largest as the largest, and all-in as all-in.
public enum ActionTranslation: String, Sendable, CaseIterable {
  /// Ganzfried and Sandholm's randomised pseudo-harmonic mapping,
  /// f(x) = (B − x)(1 + A) / ((B − A)(1 + x)): the mapping that keeps the exploitability of
  /// the translated strategy low in the games where it was derived.
  case pseudoHarmonic = "pseudo-harmonic"
  /// Randomised on a log scale: f(x) = (ln B − ln x) / (ln B − ln A).
  case geometric
  /// Randomised linearly: f(x) = (B − x) / (B − A).
  case arithmetic

  /// The probability of reading `x` as the smaller size `a` (`a < x < b`, all shares of the pot).
  public func lowerProbability(_ x: Double, between a: Double, and b: Double) -> Double {
    guard a < b else { return 1 }
    if x <= a { return 1 }
    if x >= b { return 0 }
    switch self {
    case .pseudoHarmonic: return (b - x) * (1 + a) / ((b - a) * (1 + x))
    case .geometric: return a > 0 ? (log(b) - log(x)) / (log(b) - log(a)) : (b - x) / b
    case .arithmetic: return (b - x) / (b - a)
    }
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
