/// A set of cards as 52 bits of one `UInt64` (bit `i` is the card with ``Card/index`` `i`).
///
/// Union, intersection and membership are single instructions, so card sets serve as dead-card
/// masks and board masks in hot loops.
public struct CardSet: Hashable, Sendable, SetAlgebra, Sequence, CustomStringConvertible {
  /// The bits, one per card.
  public var bits: UInt64

  /// The set whose bits are `bits`; bits above 51 are ignored.
  @inlinable
  public init(bits: UInt64) { self.bits = bits & CardSet.fullDeckBits }

  /// The empty set.
  @inlinable
  public init() { bits = 0 }

  /// The set of the given cards.
  @inlinable
  public init<S: Sequence>(_ cards: S) where S.Element == Card {
    bits = 0
    for card in cards { bits |= 1 << UInt64(card.index) }
  }

  @usableFromInline static let fullDeckBits: UInt64 = (1 << 52) - 1

  /// All 52 cards.
  public static let fullDeck = CardSet(bits: fullDeckBits)

  /// The number of cards in the set.
  @inlinable public var count: Int { bits.nonzeroBitCount }
  @inlinable public var isEmpty: Bool { bits == 0 }

  @inlinable
  public func contains(_ card: Card) -> Bool { bits & (1 << UInt64(card.index)) != 0 }

  @inlinable
  public func union(_ other: CardSet) -> CardSet { CardSet(bits: bits | other.bits) }
  @inlinable
  public func intersection(_ other: CardSet) -> CardSet { CardSet(bits: bits & other.bits) }
  @inlinable
  public func symmetricDifference(_ other: CardSet) -> CardSet { CardSet(bits: bits ^ other.bits) }
  @inlinable
  public func subtracting(_ other: CardSet) -> CardSet { CardSet(bits: bits & ~other.bits) }

  @inlinable @discardableResult
  public mutating func insert(_ card: Card) -> (inserted: Bool, memberAfterInsert: Card) {
    let had = contains(card)
    bits |= 1 << UInt64(card.index)
    return (!had, card)
  }

  @inlinable @discardableResult
  public mutating func remove(_ card: Card) -> Card? {
    guard contains(card) else { return nil }
    bits &= ~(1 << UInt64(card.index))
    return card
  }

  @inlinable @discardableResult
  public mutating func update(with card: Card) -> Card? {
    let had = contains(card)
    bits |= 1 << UInt64(card.index)
    return had ? card : nil
  }

  @inlinable public mutating func formUnion(_ other: CardSet) { bits |= other.bits }
  @inlinable public mutating func formIntersection(_ other: CardSet) { bits &= other.bits }
  @inlinable public mutating func formSymmetricDifference(_ other: CardSet) { bits ^= other.bits }

  /// Iterates the cards in increasing index order.
  public struct Iterator: IteratorProtocol {
    @usableFromInline var remaining: UInt64
    @inlinable init(_ bits: UInt64) { remaining = bits }
    @inlinable
    public mutating func next() -> Card? {
      guard remaining != 0 else { return nil }
      let index = remaining.trailingZeroBitCount
      remaining &= remaining &- 1
      return Card(index: index)
    }
  }

  @inlinable public func makeIterator() -> Iterator { Iterator(bits) }

  /// The cards in index order separated by spaces, such as `2c Kd As`.
  public var description: String { map(\.description).joined(separator: " ") }
}
