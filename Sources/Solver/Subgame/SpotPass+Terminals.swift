extension SpotPass {
  /// Values for each of `player`'s hands when `folder` has folded: the winner's gain times the
  /// opponent reach of hands that share no card with it (summed in the walk's precision).
  /// The opponent's hands are summed in four interleaved lanes, overall and per card, so that
  /// consecutive hands sharing a card do not wait on each other.
  @inline(__always)
  func fold<V: BinaryFloatingPoint>(
    _ player: Int, _ reach: UnsafePointer<V>, payoff: Double, _ out: UnsafeMutablePointer<V>
  ) {
    let opponent = 1 - player
    let gain = V(payoff)
    let opponentCards = cards(opponent)
    let m = handCount(opponent)
    withUnsafeTemporaryAllocation(of: V.self, capacity: 4 * 52) { buffer in
      let lanes = buffer.baseAddress!
      lanes.initialize(repeating: 0, count: 4 * 52)
      var sums: (V, V, V, V) = (0, 0, 0, 0)
      var hand = 0
      while hand + 4 <= m {
        let r0 = reach[hand]
        let r1 = reach[hand + 1]
        let r2 = reach[hand + 2]
        let r3 = reach[hand + 3]
        sums.0 += r0
        sums.1 += r1
        sums.2 += r2
        sums.3 += r3
        let c = opponentCards + 2 * hand
        lanes[Int(c[0])] += r0
        lanes[Int(c[1])] += r0
        lanes[52 + Int(c[2])] += r1
        lanes[52 + Int(c[3])] += r1
        lanes[104 + Int(c[4])] += r2
        lanes[104 + Int(c[5])] += r2
        lanes[156 + Int(c[6])] += r3
        lanes[156 + Int(c[7])] += r3
        hand += 4
      }
      while hand < m {
        let value = reach[hand]
        sums.0 += value
        lanes[Int(opponentCards[2 * hand])] += value
        lanes[Int(opponentCards[2 * hand + 1])] += value
        hand += 1
      }
      let total = (sums.0 + sums.1) + (sums.2 + sums.3)
      for card in 0..<52 { lanes[card] = (lanes[card] + lanes[52 + card]) + (lanes[104 + card] + lanes[156 + card]) }
      let mine = cards(player)
      let mySame = same(player)
      for hand in 0..<handCount(player) {
        let value = total - lanes[Int(mine[2 * hand])] - lanes[Int(mine[2 * hand + 1])]
        // A select, not a branch: which hands have a twin follows no pattern the branch
        // predictor learns (reach[0] is read and dropped when there is none).
        let twin = Int(mySame[hand])
        let back = reach[max(twin, 0)]
        out[hand] = gain * (twin >= 0 ? value + back : value)
      }
    }
  }

  /// The opponent's hands on final board `board` weakest first, when `player`'s are valued: how
  /// many, their sweep steps, and where each card's prefix sums start (``ShowdownTables``).
  @inline(__always)
  func opponentSweep(_ player: Int, board: Int) -> (
    count: Int, steps: UnsafePointer<ShowdownTables.SweepStep>, cardStart: UnsafePointer<UInt16>
  ) {
    let theirs = 2 * board + 1 - player
    let orderFirst = Int(orderStart[theirs])
    return (Int(orderStart[theirs + 1]) - orderFirst, sweep + orderFirst, self.cardStart + 53 * theirs)
  }

  /// Showdown values for each of `player`'s hands on final board `board`, in time linear in the
  /// hands: opponent reach of weaker hands minus that of stronger ones, with each hand's own
  /// cards taken out, times the winner's gain. Prefix sums of the opponent's reach in rank
  /// order, overall and per card, then each rank group's and each (card, group)'s term, then
  /// three lookups per hand (``ShowdownTables``); `scratch` takes at most
  /// `3 × opponent hands + 3 × hands + 55` values.
  @inline(__always)
  func showdown<V: BinaryFloatingPoint>(
    _ player: Int, _ reach: UnsafePointer<V>, board: Int, payoff: Double, _ out: UnsafeMutablePointer<V>,
    _ scratch: UnsafeMutablePointer<V>
  ) {
    let gain = V(payoff)
    let (count, steps, cardStart) = opponentSweep(player, board: board)
    // P[k]: reach of the k weakest; Q: the same per card, each card's sums after a 0. One pass in
    // rank order fills P and Q: each card's next sum is its previous one (just before it) plus the
    // hand's reach, added in the card's own order.
    let prefix = scratch
    let cardPrefix = prefix + count + 1
    for card in 0..<52 { cardPrefix[Int(cardStart[card]) + card] = 0 }
    var sum: V = 0
    prefix[0] = 0
    for k in 0..<count {
      let step = steps[k]
      let value = reach[Int(step.hand)]
      sum += value
      prefix[k + 1] = sum
      cardPrefix[Int(step.slotA)] = cardPrefix[Int(step.slotA) - 1] + value
      cardPrefix[Int(step.slotB)] = cardPrefix[Int(step.slotB) - 1] + value
    }
    let mine = 2 * board + player
    // Weaker minus stronger, P[lo] − Q_a[lo] − Q_b[lo] − (S − P[hi] − (Q_a[end] − Q_a[hi]) − …),
    // regrouped: G − K_a − K_b with G = P[lo] + P[hi] − S per rank group and
    // K = Q[lo] + Q[hi] − Q[end] per (card, group), so each hand reads three values.
    let groupTerms = cardPrefix + 2 * count + 52
    let groupFirst = Int(groupStart[mine])
    let groupCount = Int(groupStart[mine + 1]) - groupFirst
    for j in 0..<groupCount {
      let group = showdownGroups[groupFirst + j]
      groupTerms[j] = prefix[Int(group & 0xFFFF)] + prefix[Int(group >> 16)] - sum
    }
    let pairTerms = groupTerms + groupCount + 1
    let pairFirst = Int(pairStart[mine])
    let pairCount = Int(pairStart[mine + 1]) - pairFirst
    for k in 0..<pairCount {
      let pair = showdownPairs[pairFirst + k]
      pairTerms[k] =
        cardPrefix[Int(pair & 0xFFFF)] + cardPrefix[Int((pair >> 16) & 0xFFFF)] - cardPrefix[Int(pair >> 32)]
    }
    // A hand that meets the board reads these two zeros.
    groupTerms[groupCount] = 0
    pairTerms[pairCount] = 0
    let first = UnsafeRawPointer(
      showdownEntries + board * (handCount0 + handCount1) + (player == 0 ? 0 : handCount0))
    for hand in 0..<handCount(player) {
      let entry = ShowdownEntry.fields(first + 8 * hand)
      out[hand] = gain * (groupTerms[entry.group] - pairTerms[entry.pairA] - pairTerms[entry.pairB])
    }
  }
}
