extension EquityCalculator {
  /// Every way to deal `toDeal` more board cards from `remaining`, tallied.
  func enumerate(hands: [Hand], board: Hand, remaining: CardSet, toDeal: Int) -> EquityTally {
    hands.count == 2
      ? enumerate(into: HeadsUpTally.self, hands: hands, board: board, remaining: remaining, toDeal: toDeal)
      : enumerate(into: EquityTally.self, hands: hands, board: board, remaining: remaining, toDeal: toDeal)
  }

  private func enumerate<Sink: DealSink>(into: Sink.Type, hands: [Hand], board: Hand, remaining: CardSet, toDeal: Int)
    -> EquityTally
  {
    var tally = Sink(players: hands.count)
    withUnsafeTemporaryAllocation(of: UInt16.self, capacity: hands.count) { ranks in
      withUnsafeTemporaryAllocation(of: Hand.self, capacity: hands.count) { partial in
        HandEvaluator.singleCardHands.withUnsafeBufferPointer { cardHands in
          for i in hands.indices { partial[i] = hands[i] + board }
          if toDeal == 0 {
            for i in hands.indices { ranks[i] = evaluator.rank(of: partial[i]).value }
            tally.record(ranks, weight: 1)
          } else {
            deal(toDeal, from: remaining.bits, above: 0, partial, ranks, cardHands, &tally)
          }
        }
      }
    }
    return tally.tally
  }

  /// Deals `count` more cards, each of index at least `above`, adding them to every hand.
  private func deal<Sink: DealSink>(
    _ count: Int, from remaining: UInt64, above: Int, _ partial: UnsafeMutableBufferPointer<Hand>,
    _ ranks: UnsafeMutableBufferPointer<UInt16>, _ cardHands: UnsafeBufferPointer<Hand>,
    _ tally: inout Sink
  ) {
    let allowed = remaining & ~((UInt64(1) << UInt64(above)) &- 1)
    if count == 2 && dealLastTwo(from: allowed, partial, ranks, cardHands, &tally) { return }
    if count == 1 {
      dealLast(from: allowed, partial, ranks, cardHands, &tally)
      return
    }
    var bits = allowed
    while bits != 0 {
      let card = bits.trailingZeroBitCount
      bits &= bits &- 1
      let hand = cardHands[card]
      for i in partial.indices { partial[i] = partial[i] + hand }
      deal(count - 1, from: remaining, above: card + 1, partial, ranks, cardHands, &tally)
      for i in partial.indices {
        partial[i] = Hand(key: partial[i].key &- hand.key, suitMasks: partial[i].suitMasks & ~hand.suitMasks)
      }
    }
  }

  /// Deals the last two board cards grouped by their ranks: a pair of cards that cannot complete
  /// anyone's flush gives the same result as every other such pair of the same two ranks, so it
  /// is ranked once per rank pair and weighted by the number of such pairs. Pairs that can complete
  /// a flush are ranked one by one. Returns false (dealing nothing) when someone already holds a
  /// flush, which the caller then enumerates card by card.
  private func dealLastTwo<Sink: DealSink>(
    from allowed: UInt64, _ partial: UnsafeMutableBufferPointer<Hand>,
    _ ranks: UnsafeMutableBufferPointer<UInt16>, _ cardHands: UnsafeBufferPointer<Hand>,
    _ tally: inout Sink
  ) -> Bool {
    var atLeastThree: UInt64 = 0
    var atLeastFour: UInt64 = 0
    var atLeastFive: UInt64 = 0
    for hand in partial {
      let counters = hand.key & 0xFFFF
      atLeastThree |= (counters &+ 0x5555) & 0x8888
      atLeastFour |= (counters &+ 0x4444) & 0x8888
      atLeastFive |= (counters &+ 0x3333) & 0x8888
    }
    if atLeastFive != 0 { return false }
    func suits(_ nibbleBits: UInt64) -> UInt64 {
      (nibbleBits >> 3 | nibbleBits >> 6 | nibbleBits >> 9 | nibbleBits >> 12) & 0xF
    }
    // One more card of a suit in `oneShort` completes a flush; two of a suit in `twoShort` do.
    let oneShortCards = allowed & EquityCalculator.cardsOfSuits(suits(atLeastFour))
    let twoShort = suits(atLeastThree)
    // Pairs are counted per (low rank, high rank); flush-capable pairs are taken out as ranked.
    withUnsafeTemporaryAllocation(of: Int32.self, capacity: 169) { removed in
      removed.initialize(repeating: 0)
      rankPairs(allowed, oneShortCards, twoShort, removed, partial, ranks, cardHands, &tally)
    }
    return true
  }

  @inline(__always)
  private func rankPairs<Sink: DealSink>(
    _ allowed: UInt64, _ oneShortCards: UInt64, _ twoShort: UInt64, _ removed: UnsafeMutableBufferPointer<Int32>,
    _ partial: UnsafeMutableBufferPointer<Hand>, _ ranks: UnsafeMutableBufferPointer<UInt16>,
    _ cardHands: UnsafeBufferPointer<Hand>, _ tally: inout Sink
  ) {
    var first = allowed
    while first != 0 {
      let x = first.trailingZeroBitCount
      first &= first &- 1
      let above = allowed & ~((UInt64(2) << UInt64(x)) &- 1)
      var partners: UInt64
      if oneShortCards & (1 << UInt64(x)) != 0 {
        partners = above
      } else {
        partners = above & oneShortCards
        if twoShort & (1 << UInt64(x & 3)) != 0 {
          partners |= above & EquityCalculator.cardsOfSuits(1 << UInt64(x & 3))
        }
      }
      if partners == 0 { continue }
      let withX = cardHands[x]
      while partners != 0 {
        let y = partners.trailingZeroBitCount
        partners &= partners &- 1
        let pair = withX + cardHands[y]
        for i in partial.indices { ranks[i] = evaluator.rank(of: partial[i] + pair).value }
        tally.record(ranks, weight: 1)
        removed[(x >> 2) * 13 + (y >> 2)] += 1
      }
    }
    var present = (allowed | allowed >> 1 | allowed >> 2 | allowed >> 3) & 0x1_1111_1111_1111
    while present != 0 {
      let lowShift = present.trailingZeroBitCount
      present &= present &- 1
      let low = lowShift >> 2
      let lowCount = ((allowed >> UInt64(lowShift)) & 0xF).nonzeroBitCount
      let lowWeight = RankWeights.keyWeight(low)
      // The same rank twice, then each higher rank.
      var higher = present | 1 << UInt64(lowShift)
      while higher != 0 {
        let highShift = higher.trailingZeroBitCount
        higher &= higher &- 1
        let high = highShift >> 2
        let highCount = ((allowed >> UInt64(highShift)) & 0xF).nonzeroBitCount
        let pairs = (high == low ? lowCount * (lowCount - 1) / 2 : lowCount * highCount) - Int(removed[low * 13 + high])
        if pairs <= 0 { continue }
        let weight = lowWeight &+ RankWeights.keyWeight(high)
        for i in partial.indices {
          ranks[i] = evaluator.nonFlushRank(key: partial[i].key &+ weight)
        }
        tally.record(ranks, weight: pairs)
      }
    }
  }

  /// Deals the last board card, grouping the cards of one rank when no suit can complete a flush.
  @inline(__always)
  private func dealLast<Sink: DealSink>(
    from allowed: UInt64, _ partial: UnsafeMutableBufferPointer<Hand>,
    _ ranks: UnsafeMutableBufferPointer<UInt16>, _ cardHands: UnsafeBufferPointer<Hand>,
    _ tally: inout Sink
  ) {
    // Per suit nibble, bit 3 is set when some player holds at least four (or five) of that suit.
    var atLeastFour: UInt64 = 0
    var atLeastFive: UInt64 = 0
    for hand in partial {
      let counters = hand.key & 0xFFFF
      atLeastFour |= (counters &+ 0x4444) & 0x8888
      atLeastFive |= (counters &+ 0x3333) & 0x8888
    }
    if atLeastFive != 0 {
      var bits = allowed
      while bits != 0 {
        let card = bits.trailingZeroBitCount
        bits &= bits &- 1
        for i in partial.indices { ranks[i] = evaluator.rank(of: partial[i] + cardHands[card]).value }
        tally.record(ranks, weight: 1)
      }
      return
    }
    // Cards of a suit that is one short of a flush for someone are ranked one by one.
    let liveSuits = (atLeastFour >> 3 | atLeastFour >> 6 | atLeastFour >> 9 | atLeastFour >> 12) & 0xF
    let liveCards = allowed & EquityCalculator.cardsOfSuits(liveSuits)
    var bits = liveCards
    while bits != 0 {
      let card = bits.trailingZeroBitCount
      bits &= bits &- 1
      for i in partial.indices { ranks[i] = evaluator.rank(of: partial[i] + cardHands[card]).value }
      tally.record(ranks, weight: 1)
    }
    // The rest: one ranking per rank, weighted by how many of its cards are left.
    let plain = allowed & ~liveCards
    var present = (plain | plain >> 1 | plain >> 2 | plain >> 3) & 0x1_1111_1111_1111
    while present != 0 {
      let shift = present.trailingZeroBitCount
      present &= present &- 1
      let rank = shift >> 2
      let count = ((plain >> UInt64(shift)) & 0xF).nonzeroBitCount
      let weight = RankWeights.keyWeight(rank)
      for i in partial.indices {
        ranks[i] = evaluator.nonFlushRank(key: partial[i].key &+ weight)
      }
      tally.record(ranks, weight: count)
    }
  }
}

extension EquityCalculator {
  /// The 52-bit mask of every card whose suit is in the 4-bit set `suits`.
  @inline(__always)
  static func cardsOfSuits(_ suits: UInt64) -> UInt64 {
    // Repeat the 4-bit suit pattern once per rank.
    suits &* 0x1_1111_1111_1111
  }
}
