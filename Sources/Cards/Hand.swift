/// Cards gathered for evaluation, kept in a form where adding a card is one addition and one OR.
///
/// `key` holds one 4-bit counter per suit in its low 16 bits and, in its top 25 bits, the sum
/// modulo 2^25 of the cards' scrambled rank weights (``RankWeights/keyWeight(_:)``), which
/// identifies the multiset of ranks of at most seven cards. `suitMasks` holds 16 bits per suit with one bit per rank present. Hands add: the hand of
/// a board plus the hand of hole cards is the hand of all of them, which lets enumeration build
/// seven-card hands incrementally.
///
/// A hand evaluates correctly with up to seven cards; ``HandEvaluator/rank(of:)-(CardSet)`` ranks
/// larger sets.
public struct Hand: Hashable, Sendable {
  /// Suit counters (4 bits each, bits 0–15) and scrambled rank-weight sum (bits 39–63).
  public var key: UInt64
  /// Rank bits per suit: bit `16 * suit + rank`.
  public var suitMasks: UInt64

  /// A hand from its raw parts.
  @inlinable
  public init(key: UInt64, suitMasks: UInt64) {
    self.key = key
    self.suitMasks = suitMasks
  }

  /// The empty hand.
  public static let empty = Hand(key: 0, suitMasks: 0)

  /// The hand of a single card.
  @inlinable
  public init(_ card: Card) {
    key = RankWeights.keyWeight(card.rank) &+ (1 &<< (4 &* UInt64(card.suit)))
    suitMasks = 1 &<< (16 &* UInt64(card.suit) &+ UInt64(card.rank))
  }

  /// The hand of the given cards (at most seven for exact evaluation).
  public init<S: Sequence>(_ cards: S) where S.Element == Card {
    self = .empty
    for card in cards { self = self + Hand(card) }
  }

  /// The hand of the cards in a set.
  public init(_ cards: CardSet) {
    self = .empty
    for card in cards { self = self + Hand(card) }
  }

  /// The hand holding the cards of both hands (they must not share a card).
  @inlinable
  public static func + (lhs: Hand, rhs: Hand) -> Hand {
    Hand(key: lhs.key &+ rhs.key, suitMasks: lhs.suitMasks | rhs.suitMasks)
  }

  /// The number of cards in the hand.
  @inlinable
  public var count: Int {
    let counters = key & 0xFFFF
    return Int((counters & 0xF) + ((counters >> 4) & 0xF) + ((counters >> 8) & 0xF) + ((counters >> 12) & 0xF))
  }
}
