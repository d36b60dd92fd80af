import Cards
import PokerRules

/// Buckets by expected hand strength, for games small enough to enumerate: in each round every
/// hand a player can hold (hole cards and the board so far, each as a set) is scored by its
/// expected share of the pot at showdown against a uniformly random opponent hand over every
/// board to come, and the hands, ranked by score, are cut into buckets of equal size. The
/// reduced hold'em's curve of exploitability against bucket count is made with these.
public struct StrengthBuckets: CardBuckets {
  public let bucketCounts: [Int]
  public var identity: String {
    "strength \(bucketCounts.map(String.init).joined(separator: "-")) \(lossless.identity)"
  }
  let lossless: LosslessBuckets
  /// Per round, the bucket of each lossless index (0 for indices no hand has).
  let tables: [[Int32]]

  /// - Parameter counts: buckets per round, each at most the round's number of hands.
  /// - Throws: ``SolverError`` (`badParameter`) naming the round whose count is out of range;
  ///   `gameTooLarge` for games whose lossless indices are too many.
  public init(game: GameDefinition, counts: [Int]) throws(SolverError) {
    guard counts.count == game.numRounds else {
      throw SolverError(.badParameter, "strength buckets: \(counts.count) counts for \(game.numRounds) rounds")
    }
    let lossless = try LosslessBuckets(game: game)
    let deck = game.deck
    let boardSize = game.boardCardsThrough(round: game.numRounds - 1)
    let evaluator = HandEvaluator.shared
    var tables: [[Int32]] = []
    for round in 0..<game.numRounds {
      // Every hand of the round with its score.
      var scored: [(index: Int, score: Double)] = []
      deck.forEachSubset(size: game.numHoleCards) { hole in
        let rest = deck.filter { !hole.contains($0) }
        rest.forEachSubset(size: game.boardCardsThrough(round: round)) { board in
          let unseen = rest.filter { !board.contains($0) }
          var won = 0.0
          var count = 0.0
          unseen.forEachSubset(size: boardSize - board.count) { more in
            let final = board + more
            let mine = evaluator.rank(of: hole + final)
            let left = unseen.filter { !more.contains($0) }
            left.forEachSubset(size: game.numHoleCards) { theirs in
              let rank = evaluator.rank(of: theirs + final)
              won += mine > rank ? 1 : mine == rank ? 0.5 : 0
              count += 1
            }
          }
          scored.append((lossless.bucket(hole: hole, board: board, round: round), count > 0 ? won / count : 0.5))
        }
      }
      guard (1...scored.count).contains(counts[round]) else {
        throw SolverError(
          .badParameter,
          "strength buckets: round \(round + 1) has \(scored.count) hands; \(counts[round]) buckets asked")
      }
      scored.sort { $0.score != $1.score ? $0.score < $1.score : $0.index < $1.index }
      var table = [Int32](repeating: 0, count: lossless.bucketCounts[round])
      for (position, entry) in scored.enumerated() {
        table[entry.index] = Int32(position * counts[round] / scored.count)
      }
      tables.append(table)
    }
    self.tables = tables
    self.lossless = lossless
    bucketCounts = counts
  }

  /// The number of hands (hole cards and board so far, as sets) in each round of `game`.
  public static func handCounts(_ game: GameDefinition) -> [Int] {
    (0..<game.numRounds).map { round in
      let holes = combinations(game.deckSize, game.numHoleCards)
      let boards = combinations(game.deckSize - game.numHoleCards, game.boardCardsThrough(round: round))
      return Int(holes * boards)
    }
  }

  public func buckets(
    hole: UnsafeBufferPointer<Card>, board: UnsafeBufferPointer<Card>, through lastRound: Int,
    into buckets: UnsafeMutablePointer<Int32>
  ) {
    lossless.buckets(hole: hole, board: board, through: lastRound, into: buckets)
    for round in 0...lastRound { buckets[round] = tables[round][Int(buckets[round])] }
  }
}
