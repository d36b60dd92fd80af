import Cards
import Randomness
import Testing

struct HandIndexerTests {
  /// The smallest of a hand's 24 suit renamings, round by round, each round sorted: two hands
  /// are isomorphic exactly when these are equal (a brute-force reference).
  static func canonical(_ cards: [Card], rounds: [Int]) -> [UInt8] {
    var best: [UInt8]? = nil
    for permutation in permutations([0, 1, 2, 3]) {
      var renamed: [UInt8] = []
      var position = 0
      for count in rounds where position < cards.count {
        renamed += cards[position..<(position + count)].map {
          UInt8($0.rank * 4 + permutation[$0.suit])
        }.sorted()
        position += count
      }
      if best == nil || renamed.lexicographicallyPrecedes(best!) { best = renamed }
    }
    return best!
  }

  static func permutations(_ values: [Int]) -> [[Int]] {
    guard values.count > 1 else { return [values] }
    return values.indices.flatMap { i in
      permutations(Array(values[..<i] + values[(i + 1)...])).map { [values[i]] + $0 }
    }
  }

  static func renamed(_ cards: [Card], _ permutation: [Int]) -> [Card] {
    cards.map { Card(rank: $0.rank, suit: permutation[$0.suit]) }
  }

  /// Waugh's counts of canonical hold'em hands, board as one set and streets apart.
  @Test func sizesMatchTheKnownCounts() throws {
    #expect(try HandIndexer(rounds: [2]).size(round: 0) == 169)
    let together = try [3, 4, 5].map { try HandIndexer(rounds: [2, $0]).size(round: 1) }
    #expect(together == [1_286_792, 13_960_050, 123_156_254])
    // Boards alone: 1,755 flops, 16,432 turns, 134,459 rivers.
    #expect(try [3, 4, 5].map { try HandIndexer(rounds: [$0]).size(round: 0) } == [1_755, 16_432, 134_459])
    let apart = try HandIndexer(rounds: [2, 3, 1, 1])
    #expect((0..<4).map { apart.size(round: $0) } == [169, 1_286_792, 55_190_538, 2_428_287_420])
  }

  /// Every two-card hand: 169 indices, each hit, equal exactly for isomorphic hands.
  @Test func preflopClassesAreExact() throws {
    let indexer = try HandIndexer(rounds: [2])
    var classOf: [[UInt8]: Int] = [:]
    for a in 0..<52 {
      for b in (a + 1)..<52 {
        let cards = [Card(index: a), Card(index: b)]
        let index = try indexer.index(of: cards)
        let reference = Self.canonical(cards, rounds: [2])
        if let known = classOf[reference] { #expect(known == index) } else { classOf[reference] = index }
      }
    }
    #expect(classOf.count == 169)
    #expect(Set(classOf.values) == Set(0..<169))
  }

  /// Every flop hand (26 million): indices below 1,286,792, each one hit. With the index a
  /// function of the isomorphism class (tested below) and the known class count, this makes it
  /// a bijection.
  @Test func everyFlopIndexIsHit() throws {
    let indexer = try HandIndexer(rounds: [2, 3])
    let size = indexer.size(round: 1)
    var hit = [Bool](repeating: false, count: size)
    var outside = 0
    var cards = [Card](repeating: Card(index: 0), count: 5)
    for a in 0..<52 {
      for b in (a + 1)..<52 {
        cards[0] = Card(index: a)
        cards[1] = Card(index: b)
        for c in 0..<52 where c != a && c != b {
          for d in (c + 1)..<52 where d != a && d != b {
            for e in (d + 1)..<52 where e != a && e != b {
              cards[2] = Card(index: c)
              cards[3] = Card(index: d)
              cards[4] = Card(index: e)
              let index = cards.withUnsafeBufferPointer { indexer.index($0, round: 1) }
              if (0..<size).contains(index) { hit[index] = true } else { outside += 1 }
            }
          }
        }
      }
    }
    #expect(outside == 0)
    #expect(hit.allSatisfy { $0 })
  }

  /// Random hands of every round of 2-3-1-1 and 2-5: renaming suits keeps the index; the
  /// canonical hand of an index is isomorphic to the hand and indexes back to it; random
  /// indices survive index → hand → index.
  @Test(arguments: [[2, 3, 1, 1], [2, 5], [2, 4]])
  func indicesRoundTrip(rounds: [Int]) throws {
    let indexer = try HandIndexer(rounds: rounds)
    var random = SplitMix64(seed: 7)
    let permutations = Self.permutations([0, 1, 2, 3])
    for round in rounds.indices {
      let count = indexer.cardCount(round: round)
      for _ in 0..<400 {
        var deck = (0..<52).map { Card(index: $0) }
        for i in 0..<count { deck.swapAt(i, i + Int(random.next() % UInt64(52 - i))) }
        let hand = Array(deck[0..<count])
        let index = try indexer.index(of: hand)
        let permutation = permutations[Int(random.next() % 24)]
        #expect(try indexer.index(of: Self.renamed(hand, permutation)) == index)
        let canonical = try indexer.hand(at: index, round: round)
        #expect(Self.canonical(canonical, rounds: rounds) == Self.canonical(hand, rounds: rounds))
        #expect(try indexer.index(of: canonical) == index)
        let other = Int(random.next() % UInt64(indexer.size(round: round)))
        #expect(try indexer.index(of: indexer.hand(at: other, round: round)) == other)
      }
      // The first and last index too.
      for edge in [0, indexer.size(round: round) - 1] {
        #expect(try indexer.index(of: indexer.hand(at: edge, round: round)) == edge)
      }
    }
  }

  @Test func badInputIsNamed() throws {
    let indexer = try HandIndexer(rounds: [2, 3])
    let cards = try Card.parseList("As Ks Qs")
    #expect(throws: CardError.self) { try indexer.index(of: cards) }
    let twice = try Card.parseList("As Ks Qs 2c") + Card.parseList("Qs")
    #expect(throws: CardError.self) { try indexer.index(of: twice) }
    #expect(throws: CardError.self) { try indexer.hand(at: 1_286_792, round: 1) }
    #expect(throws: CardError.self) { try indexer.hand(at: 0, round: 2) }
    #expect(throws: CardError.self) { try HandIndexer(rounds: [2, 0]) }
    #expect(throws: CardError.self) { try HandIndexer(rounds: []) }
  }
}
