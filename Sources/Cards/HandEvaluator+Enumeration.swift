extension HandEvaluator {
  /// The hand of each of the 52 cards, indexed by ``Card/index``.
  public static let singleCardHands: [Hand] = Card.all.map { Hand($0) }

  /// Calls `body` with the rank of every seven-card hand from a 52-card deck (133,784,560 hands),
  /// building each hand incrementally in lexicographic card order.
  ///
  /// This is the order exhaustive counts and the "enumeration order" benchmark use. The last two
  /// cards run as one loop over the two-card hands above the fifth card (a long loop whose exit
  /// branch rarely mispredicts, where two nested loops average seven turns), and when no suit
  /// holds three of the first five cards, no hand of the loop can be a flush and each is ranked
  /// by the rank-multiset hash alone.
  @inlinable
  public func forEachSevenCardHand(_ body: (HandRank) -> Void) {
    HandEvaluator.singleCardHands.withUnsafeBufferPointer { cards in
      HandEvaluator.lastTwoCards.withUnsafeBufferPointer { pairs in
        HandEvaluator.lastTwoStarts.withUnsafeBufferPointer { starts in
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
                    let first = starts[e &+ 1]
                    // No suit holds three of the five cards: two more cannot make a flush.
                    if (he.key &+ HandEvaluator.twoShortBias) & HandEvaluator.flushCheckMask == 0 {
                      let base = he.key
                      for p in first..<pairs.count {
                        body(HandRank(value: nonFlushRank(key: base &+ pairs[p].key)))
                      }
                    } else {
                      for p in first..<pairs.count {
                        body(rank(of: he + pairs[p]))
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// Every two-card hand (1,326) in lexicographic order of its cards.
  public static let lastTwoCards: [Hand] = (0..<52).flatMap { f in
    ((f + 1)..<52).map { g in singleCardHands[f] + singleCardHands[g] }
  }
  /// Where the pairs whose lower card is `f` start in ``lastTwoCards`` (53 entries).
  public static let lastTwoStarts: [Int] = (0...52).map { f in (0..<f).reduce(0) { $0 + 51 - $1 } }

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
