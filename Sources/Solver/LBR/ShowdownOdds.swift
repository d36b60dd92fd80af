import Cards
import Randomness

/// Per opponent hand, the share of the pot a hand wins at showdown against it (ties half),
/// averaged over the board cards still to come: every runout when there are at most
/// `enumerationLimit` of them, else `samples` runouts drawn from `generator`.
struct ShowdownOdds {
  /// The opponent's possible hole cards (every set of the game's hole-card count).
  let hands: [[Card]]
  let handKeys: [Hand]
  let handSets: [CardSet]
  let deck: [Card]
  let boardSize: Int
  var enumerationLimit = 2_000
  var samples = 1_000

  init(hands: [[Card]], deck: [Card], boardSize: Int) {
    self.hands = hands
    handKeys = hands.map { Hand($0) }
    handSets = hands.map { CardSet($0) }
    self.deck = deck
    self.boardSize = boardSize
  }

  /// The win shares of `hole` on `board` (dealt so far) against each hand with `live[h]`.
  func shares(hole: [Card], board: [Card], live: [Bool], generator: inout SeededGenerator) -> [Double] {
    let evaluator = HandEvaluator.shared
    let seen = CardSet(hole + board)
    let rest = deck.filter { !seen.contains($0) }
    let missing = boardSize - board.count
    var won = [Double](repeating: 0, count: hands.count)
    var counted = [Double](repeating: 0, count: hands.count)
    let mine = Hand(hole) + Hand(board)
    let known = Hand(board)
    func runout(_ cards: [Card]) {
      let extra = Hand(cards)
      let dealt = CardSet(cards)
      let myRank = evaluator.rank(of: mine + extra)
      let boardHand = known + extra
      for h in hands.indices where live[h] && handSets[h].intersection(dealt).isEmpty {
        let theirs = evaluator.rank(of: handKeys[h] + boardHand)
        counted[h] += 1
        won[h] += myRank > theirs ? 1 : myRank == theirs ? 0.5 : 0
      }
    }
    if combinations(rest.count, missing) <= Double(enumerationLimit) {
      rest.forEachSubset(size: missing, runout)
    } else {
      var pool = rest
      for _ in 0..<samples {
        for k in 0..<missing {
          let j = k + Int(generator.next() % UInt64(pool.count - k))
          pool.swapAt(k, j)
        }
        runout(Array(pool[0..<missing]))
      }
    }
    return won.indices.map { counted[$0] > 0 ? won[$0] / counted[$0] : 0.5 }
  }
}
