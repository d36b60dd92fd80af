import BigInt

/// An exact rational number, numerator over a positive denominator in lowest terms.
public struct Rational: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
  public let numerator: BigInt
  public let denominator: BigInt

  /// `numerator / denominator`, reduced.
  ///
  /// - Precondition: `denominator != 0`.
  public init(_ numerator: BigInt, _ denominator: BigInt = 1) {
    precondition(!denominator.isZero, "a rational number's denominator cannot be zero")
    let divisor = numerator.greatestCommonDivisor(with: denominator)
    let sign: BigInt = denominator.signum() < 0 ? -1 : 1
    self.numerator = sign * numerator / divisor
    self.denominator = sign * denominator / divisor
  }

  public init(_ numerator: Int, _ denominator: Int = 1) {
    self.init(BigInt(numerator), BigInt(denominator))
  }

  public init(integerLiteral value: Int) {
    self.init(value, 1)
  }

  public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

  /// The nearest `Double`.
  public var doubleValue: Double { Double(numerator) / Double(denominator) }

  public static func + (a: Rational, b: Rational) -> Rational {
    Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
  }
  public static func - (a: Rational, b: Rational) -> Rational {
    Rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
  }
  public static func * (a: Rational, b: Rational) -> Rational {
    Rational(a.numerator * b.numerator, a.denominator * b.denominator)
  }
  public static func / (a: Rational, b: Rational) -> Rational {
    Rational(a.numerator * b.denominator, a.denominator * b.numerator)
  }
  public static prefix func - (a: Rational) -> Rational { Rational(-a.numerator, a.denominator) }
  public static func < (a: Rational, b: Rational) -> Bool {
    a.numerator * b.denominator < b.numerator * a.denominator
  }
}
