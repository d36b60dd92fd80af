import Randomness

extension EquityCalculator {
  /// Estimates equity by sampling `trials` deals with a seeded generator: each player's holding
  /// drawn from their range by weight (redrawn when cards collide), then the rest of the board.
  ///
  /// The interval is a normal-approximation 95% interval on each player's mean pot share.
  public func monteCarlo(ranges: [HandRange], board: [Card] = [], dead: [Card] = [], trials: Int, seed: UInt64)
    throws(CardError) -> EquityResult
  {
    let used = try checkDisjoint([board, dead])
    guard trials > 0 else {
      throw CardError(.wrongCardCount, token: String(trials), reason: "the number of trials must be positive")
    }
    var generator = SeededGenerator(seed: seed)
    let cumulative = ranges.map { range in
      range.combos.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1.weight) }
    }
    var tally = EquityTally(players: ranges.count)
    var sumSquares = [Double](repeating: 0, count: ranges.count)
    let boardHand = Hand(board)
    let toDeal = boardSize - board.count
    var attempts = 0
    withUnsafeTemporaryAllocation(of: UInt16.self, capacity: ranges.count) { ranks in
      var trial = 0
      while trial < trials {
        attempts += 1
        if attempts > trials * 100 + 10_000 { break }
        var taken = used
        var hands: [Hand] = []
        var collided = false
        for (player, range) in ranges.enumerated() {
          let target = generator.unitDouble() * cumulative[player].last!
          var index = cumulative[player].firstIndex { $0 > target } ?? range.combos.count - 1
          index = min(index, range.combos.count - 1)
          let combo = range.combos[index]
          if !combo.cardSet.isDisjoint(with: taken) {
            collided = true
            break
          }
          taken.formUnion(combo.cardSet)
          hands.append(Hand(combo.cards))
        }
        if collided { continue }
        var deal = boardHand
        for _ in 0..<toDeal {
          let left = CardSet.fullDeck.subtracting(taken)
          let card = nthCard(of: left, generator.uniform(below: left.count))
          taken.insert(card)
          deal = deal + Hand(card)
        }
        for i in hands.indices { ranks[i] = evaluator.rank(of: hands[i] + deal).value }
        let before = tally.shares
        tally.record(ranks, weight: 1)
        for i in hands.indices {
          let share = tally.shares[i] - before[i]
          sumSquares[i] += share * share
        }
        trial += 1
      }
    }
    guard tally.deals > 0 else {
      throw CardError(
        .duplicateCard, token: ranges.map(\.text).joined(separator: " vs "),
        reason: "no deal is possible: the ranges always share a card with each other, the board or the dead cards")
    }
    let n = tally.deals
    let halfWidths = ranges.indices.map { i -> Double in
      let mean = tally.shares[i] / n
      let variance = max(0, sumSquares[i] / n - mean * mean)
      return 1.959964 * (variance / n).squareRoot()
    }
    return result(tally, holdings: ranges.map(\.text), exact: false, trials: Int(n), seed: seed, halfWidths: halfWidths)
  }

  private func nthCard(of set: CardSet, _ n: Int) -> Card {
    var bits = set.bits
    for _ in 0..<n { bits &= bits &- 1 }
    return Card(index: bits.trailingZeroBitCount)
  }
}
