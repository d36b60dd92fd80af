/// The strength of a hand: a larger rank beats a smaller one and equal ranks split.
///
/// The category sits in the top bits (`value >> 12`), so ranks order by category first and then
/// by the cards that matter within it.
public struct HandRank: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The raw 16-bit value: `category << 12 | position within the category`.
  public let value: UInt16

  @inlinable
  public init(value: UInt16) { self.value = value }

  /// The hand's category.
  @inlinable
  public var category: HandCategory { HandCategory(rawValue: Int(value >> 12)) ?? .highCard }

  @inlinable
  public static func < (lhs: HandRank, rhs: HandRank) -> Bool { lhs.value < rhs.value }

  public var description: String { "\(category) (\(value & 0xFFF))" }
}
