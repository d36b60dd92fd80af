/// The comparable strength of a hand, computed from rank masks without allocating: the category
/// in bits 20 and up, then up to five deciding ranks, four bits each (rank + 1, 0 for none), most
/// important first. Used only to build the evaluator's tables.
enum HandStrength {
  /// The best hand (flushes aside) made by a multiset of ranks given as masks of the ranks held
  /// exactly once, twice, three and four times.
  static func of(singles: UInt16, pairs: UInt16, trips: UInt16, quads: UInt16) -> UInt32 {
    let present = singles | pairs | trips | quads
    if quads != 0 {
      let quad = highest(quads)
      return pack(.fourOfAKind, [quad], kickers: present & ~bit(quad), count: 1)
    }
    if trips != 0 {
      let trip = highest(trips)
      let pairCandidates = (trips & ~bit(trip)) | pairs
      if pairCandidates != 0 {
        return pack(.fullHouse, [trip, highest(pairCandidates)], kickers: 0, count: 0)
      }
    }
    if let top = straightTop(present) {
      return pack(.straight, [top], kickers: 0, count: 0)
    }
    if trips != 0 {
      let trip = highest(trips)
      return pack(.threeOfAKind, [trip], kickers: present & ~bit(trip), count: 2)
    }
    if pairs != 0 {
      let high = highest(pairs)
      let rest = pairs & ~bit(high)
      if rest != 0 {
        let low = highest(rest)
        return pack(.twoPair, [high, low], kickers: present & ~bit(high) & ~bit(low), count: 1)
      }
      return pack(.onePair, [high], kickers: present & ~bit(high), count: 3)
    }
    return pack(.highCard, [], kickers: present, count: 5)
  }

  /// The best hand of one suit holding the ranks in `bits` (five or more bits set).
  static func ofFlush(rankBits bits: UInt16) -> UInt32 {
    if let top = straightTop(bits) {
      return pack(.straightFlush, [top], kickers: 0, count: 0)
    }
    return pack(.flush, [], kickers: bits, count: 5)
  }

  /// The highest card of the best straight among the ranks in `bits`, the wheel (A-2-3-4-5)
  /// counting as five-high; nil when there is none.
  static func straightTop(_ bits: UInt16) -> Int? {
    let withLowAce = UInt32(bits) << 1 | UInt32(bits >> 12) & 1
    var run = withLowAce & (withLowAce >> 1)
    run &= run >> 1
    run &= run >> 2
    // Bit i of `run` is set when bits i…i+4 of `withLowAce` all are; the run's top is rank i + 3.
    return run == 0 ? nil : highest(UInt16(truncatingIfNeeded: run)) + 3
  }

  private static func bit(_ rank: Int) -> UInt16 { 1 << UInt16(rank) }

  private static func highest(_ mask: UInt16) -> Int { 15 - mask.leadingZeroBitCount }

  /// Packs a category, its deciding ranks, and the `count` highest ranks of `kickers`.
  private static func pack(_ category: HandCategory, _ ranks: [Int], kickers: UInt16, count: Int) -> UInt32 {
    var value = UInt32(category.rawValue) << 20
    var shift: UInt32 = 16
    for rank in ranks {
      value |= UInt32(rank + 1) << shift
      shift &-= 4
    }
    var remaining = kickers
    for _ in 0..<count where remaining != 0 {
      let rank = highest(remaining)
      value |= UInt32(rank + 1) << shift
      shift &-= 4
      remaining &= ~bit(rank)
    }
    return value
  }
}
