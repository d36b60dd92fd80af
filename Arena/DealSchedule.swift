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

  /// The cards hand `hand` can deal, in dealing order: the first `game.cardsDealt` cards of the
  /// ``Deck`` its sub-stream shuffles.
  ///
  /// Fisher–Yates fixes the card dealt next at each step, so only as many steps as there are
  /// cards to deal are taken; the cards are those a full shuffle would deal.
  public func deck(for hand: Int, game: GameDefinition) -> [Card] {
    let index = duplicate ? hand / 2 : hand
    var stream = SeededGenerator(seed: seed).substream(UInt64(index))
    var generator = SeededGenerator(seed: stream.next())
    var cards = game.deck
    let wanted = min(game.cardsDealt, cards.count)
    var dealt: [Card] = []
    dealt.reserveCapacity(wanted)
    var last = cards.count - 1
    while dealt.count < wanted {
      if last > 0 { cards.swapAt(last, generator.uniform(below: last + 1)) }
      dealt.append(cards[last])
      last -= 1
    }
    return dealt
  }

  /// For hand `hand`, the player (index into the match's players) in each seat.
  public func seating(for hand: Int) -> [Int] {
    (0..<players).map { (($0 + hand) % players) }
  }
}
