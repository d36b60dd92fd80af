import Randomness

/// A deck that deals from a seeded shuffle: the same seed deals the same cards on every machine.
///
/// A deck may hold fewer than 52 cards (Kuhn uses three, Leduc six); see ``init(cards:seed:)``.
public struct Deck: Sendable {
  /// The cards not yet dealt, in the order they will be dealt (the last element is dealt first).
  public private(set) var remaining: [Card]
  private var generator: SeededGenerator

  /// A full 52-card deck shuffled by `seed`.
  public init(seed: UInt64) {
    self.init(cards: Card.all, seed: seed)
  }

  /// A deck of the given cards shuffled by `seed`.
  public init(cards: [Card], seed: UInt64) {
    generator = SeededGenerator(seed: seed)
    remaining = cards
    generator.shuffle(&remaining)
  }

  /// The number of cards left.
  public var count: Int { remaining.count }

  /// Deals the next card, or `nil` when the deck is empty.
  public mutating func deal() -> Card? { remaining.popLast() }

  /// Deals `count` cards.
  ///
  /// - Precondition: at least `count` cards remain.
  public mutating func deal(_ count: Int) -> [Card] {
    precondition(count <= remaining.count, "cannot deal \(count) from \(remaining.count) cards")
    var cards: [Card] = []
    cards.reserveCapacity(count)
    for _ in 0..<count { cards.append(remaining.removeLast()) }
    return cards
  }

  /// Removes the given cards (known hole cards, board, dead cards) so they cannot be dealt.
  public mutating func remove(_ cards: CardSet) {
    remaining.removeAll { cards.contains($0) }
  }
}
