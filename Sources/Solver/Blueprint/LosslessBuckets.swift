import Cards
import PokerRules

/// Buckets that forget nothing: in each round, the player's hole cards and the board so far
/// (each as a set), numbered in mixed radix over the deck. For games small enough that this is
/// the real game (Kuhn, Leduc), so the blueprint trainer can be checked against the exact best
/// response.
public struct LosslessBuckets: CardBuckets {
  public let bucketCounts: [Int]
  public var identity: String { "lossless \(deckSize)" }
  let deckSize: Int
  /// Each deck card's position in the game's deck.
  let positions: [Int]
  /// Board cards through each round.
  let boardThrough: [Int]
  let holeCount: Int

  /// Lossless buckets of a game, refused when a round would need more than `limit` buckets.
  ///
  /// - Throws: ``SolverError`` (`gameTooLarge`) naming the round.
  public init(game: GameDefinition, limit: Int = 1 << 24) throws(SolverError) {
    deckSize = game.deckSize
    var positions = [Int](repeating: -1, count: 52)
    for (i, card) in game.deck.enumerated() { positions[Int(card.index)] = i }
    self.positions = positions
    holeCount = game.numHoleCards
    boardThrough = (0..<game.numRounds).map { game.boardCardsThrough(round: $0) }
    var counts: [Int] = []
    for round in 0..<game.numRounds {
      let cards = game.numHoleCards + boardThrough[round]
      let count = (0..<cards).reduce(1.0) { value, _ in value * Double(game.deckSize) }
      guard count <= Double(limit) else {
        throw SolverError(
          .gameTooLarge,
          "round \(round + 1) has \(cards) cards of \(game.deckSize): too many to keep apart; this game needs a card abstraction"
        )
      }
      counts.append(Int(count))
    }
    bucketCounts = counts
  }

  public func buckets(
    hole: UnsafeBufferPointer<Card>, board: UnsafeBufferPointer<Card>, through lastRound: Int,
    into buckets: UnsafeMutablePointer<Int32>
  ) {
    // Hole cards and the board each as a set: sorted positions, hole cards first.
    var sortedHole = hole.map { positions[Int($0.index)] }
    sortedHole.sort()
    let holeNumber = sortedHole.reduce(0) { $0 * deckSize + $1 }
    for round in 0...lastRound {
      var seen = board.prefix(boardThrough[round]).map { positions[Int($0.index)] }
      seen.sort()
      buckets[round] = Int32(seen.reduce(holeNumber) { $0 * deckSize + $1 })
    }
  }
}
