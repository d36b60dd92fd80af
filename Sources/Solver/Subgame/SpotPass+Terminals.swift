extension SpotPass {
  /// Values for each of `player`'s hands when `folder` has folded: the winner's gain times the
  /// opponent reach of hands that share no card with it (summed in the walk's precision).
  @inline(__always)
  func fold<V: BinaryFloatingPoint>(
    _ player: Int, _ reach: UnsafePointer<V>, payoff: Double, _ out: UnsafeMutablePointer<V>
  ) {
    let opponent = 1 - player
    let gain = V(payoff)
    let opponentCards = cards(opponent)
    var total: V = 0
    withUnsafeTemporaryAllocation(of: V.self, capacity: 52) { buffer in
      let perCard = buffer.baseAddress!
      perCard.initialize(repeating: 0, count: 52)
      for hand in 0..<handCount(opponent) {
        let value = reach[hand]
        total += value
        perCard[Int(opponentCards[2 * hand])] += value
        perCard[Int(opponentCards[2 * hand + 1])] += value
      }
      let mine = cards(player)
      let mySame = same(player)
      for hand in 0..<handCount(player) {
        var value = total - perCard[Int(mine[2 * hand])] - perCard[Int(mine[2 * hand + 1])]
        let twin = Int(mySame[hand])
        if twin >= 0 { value += reach[twin] }
        out[hand] = gain * value
      }
    }
  }

  /// Showdown values for each of `player`'s hands on final board `board`, in time linear in the
  /// hands: opponent reach of weaker hands minus that of stronger ones, with each hand's own
  /// cards taken out, times the winner's gain.
  @inline(__always)
  func showdown<V: BinaryFloatingPoint>(
    _ player: Int, _ reach: UnsafePointer<V>, board: Int, payoff: Double, _ out: UnsafeMutablePointer<V>
  ) {
    let opponent = 1 - player
    let gain = V(payoff)
    let mineStart = sortedStart[2 * board + player]
    let mineEnd = sortedStart[2 * board + player + 1]
    let theirsStart = sortedStart[2 * board + opponent]
    let theirsEnd = sortedStart[2 * board + opponent + 1]
    let mine = cards(player)
    let theirs = cards(opponent)
    out.update(repeating: 0, count: handCount(player))
    withUnsafeTemporaryAllocation(of: V.self, capacity: 52) { buffer in
      let perCard = buffer.baseAddress!
      perCard.initialize(repeating: 0, count: 52)
      // Weaker opponent hands: walk up.
      var sum: V = 0
      var j = theirsStart
      for i in mineStart..<mineEnd {
        let rank = sortedRank[i]
        while j < theirsEnd && sortedRank[j] < rank {
          let hand = Int(sortedHand[j])
          let value = reach[hand]
          sum += value
          perCard[Int(theirs[2 * hand])] += value
          perCard[Int(theirs[2 * hand + 1])] += value
          j += 1
        }
        let hand = Int(sortedHand[i])
        out[hand] = gain * (sum - perCard[Int(mine[2 * hand])] - perCard[Int(mine[2 * hand + 1])])
      }
      // Stronger opponent hands: walk down.
      perCard.update(repeating: 0, count: 52)
      sum = 0
      j = theirsEnd - 1
      var i = mineEnd - 1
      while i >= mineStart {
        let rank = sortedRank[i]
        while j >= theirsStart && sortedRank[j] > rank {
          let hand = Int(sortedHand[j])
          let value = reach[hand]
          sum += value
          perCard[Int(theirs[2 * hand])] += value
          perCard[Int(theirs[2 * hand + 1])] += value
          j -= 1
        }
        let hand = Int(sortedHand[i])
        out[hand] -= gain * (sum - perCard[Int(mine[2 * hand])] - perCard[Int(mine[2 * hand + 1])])
        i -= 1
      }
    }
  }
}
