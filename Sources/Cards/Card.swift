/// One playing card: a rank from deuce (0) to ace (12) and a suit (clubs, diamonds, hearts,
/// spades: 0 to 3).
///
/// Cards are numbered `rank * 4 + suit`, 0 to 51, the numbering ACPC uses, so a card is also its
/// bit in a ``CardSet``. Games with smaller decks (Kuhn, Leduc) use the highest ranks and suits, as the ACPC dealer does.
public struct Card: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The card's number, `rank * 4 + suit`, in `0..<52`.
  public let index: UInt8

  /// The rank names from deuce to ace.
  public static let rankCharacters: [Character] = Array("23456789TJQKA")
  /// The suit names in ACPC order.
  public static let suitCharacters: [Character] = Array("cdhs")

  /// Creates the card numbered `index`.
  ///
  /// - Precondition: `index < 52`.
  @inlinable
  public init(index: Int) {
    precondition((0..<52).contains(index), "a card index is in 0..<52, not \(index)")
    self.index = UInt8(truncatingIfNeeded: index)
  }

  /// Creates a card from its rank (0 = deuce … 12 = ace) and suit (0 = clubs … 3 = spades).
  @inlinable
  public init(rank: Int, suit: Int) {
    precondition((0..<13).contains(rank) && (0..<4).contains(suit), "no card of rank \(rank), suit \(suit)")
    self.index = UInt8(truncatingIfNeeded: rank &* 4 &+ suit)
  }

  /// The rank, 0 (deuce) to 12 (ace).
  @inlinable public var rank: Int { Int(index >> 2) }
  /// The suit, 0 (clubs) to 3 (spades).
  @inlinable public var suit: Int { Int(index & 3) }

  /// Two characters, rank then suit: `As`, `Td`, `2c`.
  public var description: String {
    String([Card.rankCharacters[rank], Card.suitCharacters[suit]])
  }

  /// Appends the card's two ASCII characters (as ``description`` spells them) to `bytes`.
  @inlinable
  public func appendASCII(to bytes: inout [UInt8]) {
    // "23456789TJQKA" and "cdhs", as bytes, without building a String.
    let ranks: StaticString = "23456789TJQKA"
    let suits: StaticString = "cdhs"
    bytes.append(ranks.utf8Start[rank])
    bytes.append(suits.utf8Start[suit])
  }

  /// Every card, in index order.
  public static let all: [Card] = (0..<52).map { Card(index: $0) }

  public static func < (lhs: Card, rhs: Card) -> Bool { lhs.index < rhs.index }
}
