import Cards
import Randomness
import Testing

@Suite struct HandEvaluatorTests {
  let evaluator = HandEvaluator.shared

  func rank(_ text: String) throws -> HandRank {
    evaluator.rank(of: Hand(try Card.parseList(text)))
  }

  @Test func everySevenCardHandByCategory() {
    let census = evaluator.sevenCardCensus()
    let expected: [HandCategory: Int] = [
      .straightFlush: 41_584, .fourOfAKind: 224_848, .fullHouse: 3_473_184, .flush: 4_047_644,
      .straight: 6_180_020, .threeOfAKind: 6_461_620, .twoPair: 31_433_400, .onePair: 58_627_800,
      .highCard: 23_294_460,
    ]
    #expect(census.byCategory == expected)
    #expect(census.byCategory.values.reduce(0, +) == 133_784_560)
    #expect(census.distinctRanks == 4_824)
  }

  /// The enumeration's fast paths (two-card loop, no flush test when none can occur) give the
  /// ranks of plain nested loops over `rank(of:)`, hand by hand in the same order.
  @Test func enumerationMatchesNestedLoopsInOrder() {
    var fast: UInt64 = 0
    var position: UInt64 = 0
    evaluator.forEachSevenCardHand { rank in
      position &+= 1
      fast = fast &* 0x100_0000_01B3 &+ UInt64(rank.value) &* position
    }
    var plain: UInt64 = 0
    position = 0
    let cards = HandEvaluator.singleCardHands
    for a in 0..<52 {
      for b in (a + 1)..<52 {
        for c in (b + 1)..<52 {
          for d in (c + 1)..<52 {
            for e in (d + 1)..<52 {
              let five = cards[a] + cards[b] + cards[c] + cards[d] + cards[e]
              for f in (e + 1)..<52 {
                for g in (f + 1)..<52 {
                  position &+= 1
                  plain =
                    plain &* 0x100_0000_01B3 &+ UInt64(evaluator.rank(of: five + cards[f] + cards[g]).value) &* position
                }
              }
            }
          }
        }
      }
    }
    #expect(position == 133_784_560)
    #expect(fast == plain)
  }

  /// A hand's key holds scrambled weights whose sum's top 25 bits are the scrambled plain sum.
  @Test func keyWeightsAddLikeScrambledSums() {
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<1000 {
      let ranks = (0..<7).map { _ in Int.random(in: 0..<13, using: &generator) }
      let plain = ranks.reduce(UInt32(0)) { $0 + RankWeights.weight($1) }
      let scrambled = ranks.reduce(UInt64(0)) { $0 &+ RankWeights.keyWeight($1) }
      #expect(scrambled & 0x7F_FFFF_FFFF == 0)
      #expect((plain &* RankWeights.keyMultiplier) & RankWeights.keyMask == UInt32(scrambled >> RankWeights.keyShift))
    }
  }

  @Test func distinctFiveAndSixCardRanks() {
    var five = Set<UInt16>()
    var six = Set<UInt16>()
    let cards = HandEvaluator.singleCardHands
    for a in 0..<52 {
      for b in (a + 1)..<52 {
        for c in (b + 1)..<52 {
          for d in (c + 1)..<52 {
            let partial = cards[a] + cards[b] + cards[c] + cards[d]
            for e in (d + 1)..<52 {
              let hand5 = partial + cards[e]
              five.insert(evaluator.rank(of: hand5).value)
              for f in (e + 1)..<52 { six.insert(evaluator.rank(of: hand5 + cards[f]).value) }
            }
          }
        }
      }
    }
    #expect(five.count == 7_462)
    #expect(six.count == 6_075)
  }

  @Test func knownHandsOrderAsPokerSays() throws {
    let ordered = [
      "7c5d4h3s2c", "AcKdQhJs9c", "2c2d3h4s5c", "AcAdKhKsQc", "3c3d3h2s4c", "Ac2d3h4s5c",
      "2c3d4h5s6c", "Tc Jd Qh Ks Ac", "2h4h6h8hTh", "2c2d2h3s3c", "2c2d2h2s3c", "Ah2h3h4h5h",
      "ThJhQhKhAh",
    ]
    let ranks = try ordered.map(rank)
    for (lower, higher) in zip(ranks, ranks.dropFirst()) { #expect(lower < higher) }
    #expect(try rank("AhKhQhJhTh 2c 3d").category == .straightFlush)
    #expect(try rank("Ah Ad Kc Kd Qs Qh 2c").category == .twoPair)
    #expect(try rank("Ah Ad Kc Kd Qs Qh 2c") == rank("Ah Ad Kc Kd Qs"))
    #expect(try rank("2c 2d 2h 3c 3d 3h 4s").category == .fullHouse)
  }

  @Test func shortHandsCompareAsExpected() throws {
    // Leduc: a pair beats any high card; Kuhn: the higher single card wins.
    #expect(try rank("2c2d") > rank("4c3d"))
    #expect(try rank("4c3d") > rank("4d2c"))
    #expect(try rank("Kc") > rank("Qd"))
    #expect(try rank("Kc").category == .highCard)
    #expect(try rank("KcKd").category == .onePair)
  }

  @Test func agreesWithTheReferenceEvaluatorOnRandomHands() throws {
    var generator = SeededGenerator(seed: 2024)
    for _ in 0..<20_000 {
      var deck = Card.all
      generator.shuffle(&deck)
      let a = Array(deck[0..<5])
      let b = Array(deck[5..<10])
      let fastA = evaluator.rank(of: Hand(a))
      let fastB = evaluator.rank(of: Hand(b))
      let slowA = ReferenceEvaluator.fiveCards(a)
      let slowB = ReferenceEvaluator.fiveCards(b)
      #expect(fastA.category == slowA.category)
      #expect((fastA < fastB) == (slowA < slowB))
      #expect((fastA == fastB) == (!(slowA < slowB) && !(slowB < slowA)))
    }
  }

  @Test func sevenCardRankIsTheBestFiveCardRank() {
    var generator = SeededGenerator(seed: 77)
    for _ in 0..<5_000 {
      var deck = Card.all
      generator.shuffle(&deck)
      let seven = Array(deck[0..<7])
      var best = HandRank(value: 0)
      for skip1 in 0..<7 {
        for skip2 in (skip1 + 1)..<7 {
          let five = seven.enumerated().filter { $0.offset != skip1 && $0.offset != skip2 }.map(\.element)
          best = max(best, evaluator.rank(of: Hand(five)))
        }
      }
      #expect(evaluator.rank(of: Hand(seven)) == best)
      #expect(evaluator.rank(of: Hand(seven)).category == ReferenceEvaluator.best(seven).category)
    }
  }

  /// Seven card bytes, read two at a time, rank as the seven cards' hand does, in any order of the
  /// bytes; half the hands hold five or more of one suit (the masks are gathered then).
  @Test func cardBytesRankAsTheirHand() {
    var generator = SeededGenerator(seed: 7)
    var bytes = [UInt8](repeating: 0, count: 7)
    var flushes = 0
    for trial in 0..<100_000 {
      var deck = Card.all
      generator.shuffle(&deck)
      if trial % 2 == 1 {
        // Five of one suit first, then two more of any.
        let suit = trial / 2 % 4
        let suited = deck.filter { $0.suit == suit }
        deck = Array(suited[0..<5]) + deck.filter { !suited[0..<5].contains($0) }
        generator.shuffle(&deck[0..<7])
      }
      for i in 0..<7 { bytes[i] = deck[i].index }
      let expected = evaluator.rank(of: Hand(deck[0..<7]))
      if expected.category == .flush || expected.category == .straightFlush { flushes += 1 }
      #expect(evaluator.rank(sevenCardBytes: bytes) == expected)
      bytes.reverse()
      #expect(evaluator.rank(sevenCardBytes: bytes) == expected)
    }
    #expect(flushes > 40_000)
  }

  @Test func moreThanSevenCardsAreRankedBySubsets() throws {
    let cards = try Card.parseList("2c 2d 7h 9s Jc Qd Kh Ah Th")
    #expect(evaluator.rank(of: CardSet(cards)).category == .straight)
  }

  @Test func tablesAreSmallAndTheEmbeddedOffsetsMatchAFreshSearch() {
    #expect(evaluator.tableBytes < 1 << 20)
    let searched = HandEvaluator.searchedRowOffsetsBase64()
    if searched != HandEvaluator.embeddedRowOffsetsBase64 {
      print("Embedded row offsets are stale; new base64:\n\(searched)")
    }
    #expect(searched == HandEvaluator.embeddedRowOffsetsBase64)
  }
}
