extension HandEvaluator {
  /// The hand of each of the 52 cards, indexed by ``Card/index``.
  public static let singleCardHands: [Hand] = Card.all.map { Hand($0) }

  /// Calls `body` with the rank of every seven-card hand from a 52-card deck (133,784,560 hands),
  /// building each hand incrementally in lexicographic card order.
  ///
  /// This is the order exhaustive counts and the "enumeration order" benchmark use: consecutive
  /// hands share six cards, so the table lookups stay in cache.
  @inlinable
  public func forEachSevenCardHand(_ body: (HandRank) -> Void) {
    HandEvaluator.singleCardHands.withUnsafeBufferPointer { cards in
      for a in 0..<46 {
        let ha = cards[a]
        for b in (a + 1)..<47 {
          let hb = ha + cards[b]
          for c in (b + 1)..<48 {
            let hc = hb + cards[c]
            for d in (c + 1)..<49 {
              let hd = hc + cards[d]
              for e in (d + 1)..<50 {
                let he = hd + cards[e]
                for f in (e + 1)..<51 {
                  let hf = he + cards[f]
                  for g in (f + 1)..<52 {
                    body(rank(of: hf + cards[g]))
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Counts every seven-card hand by category and counts the distinct ranks that occur.
  public func sevenCardCensus() -> (byCategory: [HandCategory: Int], distinctRanks: Int) {
    var counts = [Int](repeating: 0, count: 9)
    var seen = [Bool](repeating: false, count: 1 << 16)
    counts.withUnsafeMutableBufferPointer { counts in
      seen.withUnsafeMutableBufferPointer { seen in
        forEachSevenCardHand { rank in
          counts[Int(rank.value >> 12)] &+= 1
          seen[Int(rank.value)] = true
        }
      }
    }
    var byCategory: [HandCategory: Int] = [:]
    for category in HandCategory.allCases { byCategory[category] = counts[category.rawValue] }
    return (byCategory, seen.lazy.filter { $0 }.count)
  }
}
