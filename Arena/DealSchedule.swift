import Cards
import PokerRules
import Randomness

/// Which cards each hand deals and who sits where, from the match seed alone.
///
/// Hand k's deck is shuffled by the seed's k-th sub-stream (for duplicate matches, the pair's
/// index), so any hand can be dealt again without dealing the ones before, which is what resuming
/// needs. Two players swap seats every hand; with duplicate deals, hands 2j and 2j + 1 deal the
/// same cards to the same seats with the players swapped.
public struct DealSchedule: Sendable, Hashable {
  public let seed: UInt64
  public let duplicate: Bool
  public let players: Int

  public init(seed: UInt64, duplicate: Bool, players: Int) {
    self.seed = seed
    self.duplicate = duplicate
    self.players = players
  }

  /// The deck for hand `hand`, in dealing order.
  public func deck(for hand: Int, game: GameDefinition) -> [Card] {
    let index = duplicate ? hand / 2 : hand
    var stream = SeededGenerator(seed: seed).substream(UInt64(index))
    var deck = Deck(cards: game.deck, seed: stream.next())
    return deck.deal(deck.count)
  }

  /// For hand `hand`, the player (index into the match's players) in each seat.
  public func seating(for hand: Int) -> [Int] {
    (0..<players).map { (($0 + hand) % players) }
  }
}
