/// The arithmetic the protocol-tree calculations need: exact (``Rational``) or fast (`Double`).
public protocol ProtocolScalar: Comparable, Sendable {
  static func + (a: Self, b: Self) -> Self
  static func - (a: Self, b: Self) -> Self
  static func * (a: Self, b: Self) -> Self
  static func / (a: Self, b: Self) -> Self
  static prefix func - (a: Self) -> Self
  static var zero: Self { get }
  static var one: Self { get }
}

extension Rational: ProtocolScalar {
  public static var zero: Rational { 0 }
  public static var one: Rational { 1 }
}

extension Double: ProtocolScalar {
  public static var one: Double { 1 }
}
