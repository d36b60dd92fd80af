import Cards

/// The rules of one poker game, as an ACPC game definition describes them.
///
/// Read one from text with ``init(parsing:source:)``, print it back with ``text``, or take a
/// bundled one from ``BundledGame``. Per-round arrays (`raiseSize`, `firstPlayer`, `maxRaises`,
/// `boardCards`) have one entry per round; per-seat arrays (`blinds`, `stacks`) one per player.
public struct GameDefinition: Hashable, Sendable {
  /// Fixed-size raises or any size up to the stack.
  public enum Betting: String, Sendable, Hashable, Codable {
    case limit
    case noLimit = "nolimit"
  }

  /// Limit or no-limit.
  public var betting: Betting
  /// Players, 2 to 10.
  public var numPlayers: Int
  /// Betting rounds, 1 to 4.
  public var numRounds: Int
  /// Starting stacks per seat (no-limit); `nil` for limit games without stacks.
  public var stacks: [Int]?
  /// Forced bets per seat (blinds or antes).
  public var blinds: [Int]
  /// The fixed raise per round (limit only).
  public var raiseSizes: [Int]
  /// The seat that acts first in each round, 0-based (ACPC text is 1-based).
  public var firstPlayer: [Int]
  /// The most raises allowed per round; `nil` means unlimited.
  public var maxRaises: [Int]?
  /// Suits in the deck, 1 to 4.
  public var numSuits: Int
  /// Ranks in the deck, 1 to 13 (from deuce upwards).
  public var numRanks: Int
  /// Private cards per player.
  public var numHoleCards: Int
  /// Public cards dealt at the start of each round.
  public var boardCards: [Int]

  /// Creates a definition; ``validate(source:)`` checks it for consistency.
  public init(
    betting: Betting, numPlayers: Int, numRounds: Int, stacks: [Int]?, blinds: [Int],
    raiseSizes: [Int], firstPlayer: [Int], maxRaises: [Int]?, numSuits: Int, numRanks: Int,
    numHoleCards: Int, boardCards: [Int]
  ) {
    self.betting = betting
    self.numPlayers = numPlayers
    self.numRounds = numRounds
    self.stacks = stacks
    self.blinds = blinds
    self.raiseSizes = raiseSizes
    self.firstPlayer = firstPlayer
    self.maxRaises = maxRaises
    self.numSuits = numSuits
    self.numRanks = numRanks
    self.numHoleCards = numHoleCards
    self.boardCards = boardCards
  }

  /// The cards in this game's deck, lowest first: the top `numRanks` ranks and the top
  /// `numSuits` suits (of `cdhs`), as the ACPC dealer deals them, so a short deck's cards have the
  /// dealer's names (Leduc: Qh Qs Kh Ks Ah As; Kuhn: Qs Ks As).
  public var deck: [Card] {
    (13 - numRanks..<13).flatMap { rank in (4 - numSuits..<4).map { Card(rank: rank, suit: $0) } }
  }

  /// Whether `card` is in this game's deck (one of its top ranks and top suits).
  public func contains(_ card: Card) -> Bool { card.rank >= 13 - numRanks && card.suit >= 4 - numSuits }

  /// The number of cards in the deck.
  public var deckSize: Int { numRanks * numSuits }

  /// The board cards dealt before and during `round`.
  public func boardCardsThrough(round: Int) -> Int { boardCards.prefix(round + 1).reduce(0, +) }

  /// All cards a complete hand deals: every player's hole cards and the whole board.
  public var cardsDealt: Int { numPlayers * numHoleCards + boardCards.reduce(0, +) }

  /// The largest blind: the big blind, which sets the no-limit minimum raise.
  public var bigBlind: Int { blinds.max() ?? 0 }

  /// The stack of `seat`; limit games without stacks have effectively unlimited ones.
  public func stack(_ seat: Int) -> Int { stacks?[seat] ?? Int(Int32.max) }
}
