/// Restricts a bettor to one direction, which makes its capital a test supermartingale for a
/// composite claim: betting only that outcomes exceed m is fair or losing whenever the mean is at
/// most m.
public struct OneSidedBettor<Base: Bettor>: Bettor {
  public enum Direction: Sendable { case above, below }
  public var base: Base
  public let direction: Direction

  public init(_ base: Base, betting direction: Direction) {
    self.base = base
    self.direction = direction
  }

  public func fraction(against mean: Double) -> Double {
    let lambda = base.fraction(against: mean)
    return direction == .above ? max(lambda, 0) : min(lambda, 0)
  }

  public mutating func observe(_ x: Double) { base.observe(x) }
}
