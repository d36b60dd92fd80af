extension HandIndexer {
  /// The index of a hand: its cards round by round (`cardCount(round:)` of them for some round).
  ///
  /// - Throws: ``CardError``: `wrongCardCount` when the count ends no round, `duplicateCard`
  ///   when a card repeats.
  public func index(of cards: [Card]) throws(CardError) -> Int {
    let text = cards.map(\.description).joined(separator: " ")
    guard let round = rounds.indices.first(where: { cardCount(round: $0) == cards.count }) else {
      let counts = rounds.indices.map { String(cardCount(round: $0)) }.joined(separator: ", ")
      throw CardError(
        .wrongCardCount, token: text, reason: "a hand of this indexer has \(counts) cards, not \(cards.count)")
    }
    guard CardSet(cards).count == cards.count else {
      throw CardError(.duplicateCard, token: text, reason: "a card appears twice")
    }
    return cards.withUnsafeBufferPointer { index($0, round: round) }
  }

  /// The index of a hand of round `round`, without checks: `cards` holds `cardCount(round:)`
  /// distinct cards, round by round.
  public func index(_ cards: UnsafeBufferPointer<Card>, round: Int) -> Int {
    let table = tables[round]
    let roundCount = round + 1
    // Per suit: shape code, configuration number.
    var codes: (UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0)
    var numbers: (Int, Int, Int, Int) = (0, 0, 0, 0)
    withUnsafeTemporaryAllocation(of: UInt16.self, capacity: 16) { buffer in
      let masks = buffer.baseAddress!
      masks.initialize(repeating: 0, count: 16)
      var position = 0
      for r in 0..<roundCount {
        for _ in 0..<rounds[r] {
          let card = cards[position]
          masks[card.suit &* 4 &+ r] |= 1 << UInt16(card.rank)
          position += 1
        }
      }
      withUnsafeMutableBytes(of: &codes) { codeBytes in
        withUnsafeMutableBytes(of: &numbers) { numberBytes in
          let code = codeBytes.bindMemory(to: UInt16.self)
          let number = numberBytes.bindMemory(to: Int.self)
          for suit in 0..<4 {
            let (shape, configuration) = Self.configuration(masks + suit * 4, rounds: roundCount)
            code[suit] = shape
            number[suit] = configuration
          }
          // Shapes largest first; within a shape, configurations ascending (insertion sort).
          for i in 1..<4 {
            var j = i
            while j > 0 && (code[j - 1], -number[j - 1]) < (code[j], -number[j]) {
              code.swapAt(j - 1, j)
              number.swapAt(j - 1, j)
              j -= 1
            }
          }
        }
      }
    }
    let key = UInt64(codes.0) << 48 | UInt64(codes.1) << 32 | UInt64(codes.2) << 16 | UInt64(codes.3)
    let pattern = table.patterns[Self.position(of: key, in: table.keys)]
    var result = 0
    withUnsafeBytes(of: numbers) { bytes in
      let number = bytes.bindMemory(to: Int.self)
      var suit = 0
      for group in pattern.groups {
        var multiset = 0
        for i in 0..<group.suits { multiset += Self.choose(number[suit + i] + i, i + 1) }
        result = result * group.size + multiset
        suit += group.suits
      }
    }
    return pattern.offset + result
  }

  /// The canonical hand with index `index` after round `round`: its cards round by round, each
  /// round's ascending.
  ///
  /// - Throws: ``CardError`` (`wrongCardCount`) when the round or index is out of range.
  public func hand(at index: Int, round: Int) throws(CardError) -> [Card] {
    guard rounds.indices.contains(round), (0..<size(round: round)).contains(index) else {
      throw CardError(
        .wrongCardCount, token: "\(index)",
        reason: rounds.indices.contains(round)
          ? "round \(round) numbers hands 0 ..< \(size(round: round))"
          : "the rounds are 0 ..< \(rounds.count)")
    }
    let table = tables[round]
    var low = 0
    var high = table.patterns.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if table.patterns[middle].offset <= index { low = middle } else { high = middle - 1 }
    }
    let pattern = table.patterns[low]
    var rest = index - pattern.offset
    var multisets = [Int](repeating: 0, count: pattern.groups.count)
    for (position, group) in pattern.groups.enumerated().reversed() {
      multisets[position] = rest % group.size
      rest /= group.size
    }
    var masks = [[UInt16]]()
    for (group, multiset) in zip(pattern.groups, multisets) {
      let counts = Self.counts(of: group.shape, rounds: round + 1)
      for number in Self.multiset(multiset, count: group.suits) {
        masks.append(Self.masks(configuration: number, counts: counts))
      }
    }
    var cards: [Card] = []
    for r in 0...round {
      var roundCards: [Card] = []
      for suit in 0..<4 {
        var bits = masks[suit][r]
        while bits != 0 {
          roundCards.append(Card(rank: bits.trailingZeroBitCount, suit: suit))
          bits &= bits - 1
        }
      }
      cards += roundCards.sorted()
    }
    return cards
  }

  /// A suit's shape code and configuration number from its rank masks, one per round: each
  /// round's ranks numbered among those earlier rounds left (colex), mixed radix, first round
  /// lowest.
  @inline(__always)
  static func configuration(_ masks: UnsafePointer<UInt16>, rounds: Int) -> (UInt16, Int) {
    var used: UInt16 = 0
    var number = 0
    var radix = 1
    var left = 13
    var shape: UInt16 = 0
    for r in 0..<rounds {
      let mask = masks[r]
      let count = mask.nonzeroBitCount
      var colex = 0
      var bits = mask
      var i = 1
      while bits != 0 {
        let rank = bits.trailingZeroBitCount
        let renumbered = rank - (used & (1 << UInt16(rank) - 1)).nonzeroBitCount
        colex += choose(renumbered, i)
        i += 1
        bits &= bits - 1
      }
      number += colex * radix
      radix *= choose(left, count)
      left -= count
      used |= mask
      shape = shape << UInt16(shapeBits) | UInt16(count)
    }
    return (shape, number)
  }

  /// The rank masks, one per round, of configuration `number` with these per-round counts.
  static func masks(configuration number: Int, counts: [Int]) -> [UInt16] {
    var rest = number
    var used: UInt16 = 0
    var left = 13
    var result: [UInt16] = []
    for count in counts {
      let radix = choose(left, count)
      var colex = rest % radix
      rest /= radix
      // The renumbered ranks, largest first.
      var renumbered: [Int] = []
      var candidate = left - 1
      for i in stride(from: count, through: 1, by: -1) {
        while choose(candidate, i) > colex { candidate -= 1 }
        renumbered.append(candidate)
        colex -= choose(candidate, i)
        candidate -= 1
      }
      // Renumbered rank k is the k-th rank (from 0) not yet used.
      let free = (0..<13).filter { used & (1 << UInt16($0)) == 0 }
      let mask = renumbered.reduce(UInt16(0)) { $0 | 1 << UInt16(free[$1]) }
      result.append(mask)
      used |= mask
      left -= count
    }
    return result
  }

  /// The `count` values (ascending, repeats allowed) numbered `number` by
  /// Σ C(value[i] + i, i + 1).
  static func multiset(_ number: Int, count: Int) -> [Int] {
    var rest = number
    var values = [Int](repeating: 0, count: count)
    for i in stride(from: count, through: 1, by: -1) {
      // The largest b with C(b, i) ≤ rest: double, then halve.
      var low = i - 1
      var high = i
      while choose(high, i) <= rest { high *= 2 }
      while low + 1 < high {
        let middle = (low + high) / 2
        if choose(middle, i) <= rest { low = middle } else { high = middle }
      }
      values[i - 1] = low - (i - 1)
      rest -= choose(low, i)
    }
    return values
  }

  /// Where `key` is in the ascending `keys` (it is there).
  @inline(__always)
  static func position(of key: UInt64, in keys: [UInt64]) -> Int {
    var low = 0
    var high = keys.count - 1
    while low < high {
      let middle = (low + high) / 2
      if keys[middle] < key { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
