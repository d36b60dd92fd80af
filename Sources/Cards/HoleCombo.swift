/// One two-card holding with a weight (the share of it a range holds, in (0, 1]).
public struct HoleCombo: Hashable, Sendable, CustomStringConvertible {
  /// The two cards, higher index first.
  public let cards: [Card]
  /// The weight of the combination in its range.
  public let weight: Double

  public init(_ first: Card, _ second: Card, weight: Double = 1) {
    cards = first > second ? [first, second] : [second, first]
    self.weight = weight
  }

  /// The two cards as a set.
  public var cardSet: CardSet { CardSet(cards) }

  public var description: String { cards.map(\.description).joined() }
}
