import Cards

/// A slow, obviously written five-card evaluator to check the fast one against: a hand's value is
/// its category and then its ranks ordered by (count, rank), compared as a tuple.
enum ReferenceEvaluator {
  struct Value: Comparable {
    var category: HandCategory
    var ranks: [Int]

    static func < (lhs: Value, rhs: Value) -> Bool {
      if lhs.category != rhs.category { return lhs.category < rhs.category }
      return lhs.ranks.lexicographicallyPrecedes(rhs.ranks)
    }
  }

  static func fiveCards(_ cards: [Card]) -> Value {
    precondition(cards.count == 5)
    let counts = Dictionary(grouping: cards.map(\.rank), by: { $0 }).mapValues(\.count)
    let byCount = counts.keys.sorted { (counts[$0]!, $0) > (counts[$1]!, $1) }
    let flush = Set(cards.map(\.suit)).count == 1
    let distinct = Set(cards.map(\.rank)).sorted()
    var straightHigh: Int?
    if distinct.count == 5 {
      if distinct[4] - distinct[0] == 4 { straightHigh = distinct[4] }
      if distinct == [0, 1, 2, 3, 12] { straightHigh = 3 }
    }
    let shape = byCount.map { counts[$0]! }
    if let high = straightHigh, flush { return Value(category: .straightFlush, ranks: [high]) }
    if shape == [4, 1] { return Value(category: .fourOfAKind, ranks: byCount) }
    if shape == [3, 2] { return Value(category: .fullHouse, ranks: byCount) }
    if flush { return Value(category: .flush, ranks: byCount) }
    if let high = straightHigh { return Value(category: .straight, ranks: [high]) }
    if shape == [3, 1, 1] { return Value(category: .threeOfAKind, ranks: byCount) }
    if shape == [2, 2, 1] { return Value(category: .twoPair, ranks: byCount) }
    if shape == [2, 1, 1, 1] { return Value(category: .onePair, ranks: byCount) }
    return Value(category: .highCard, ranks: byCount)
  }

  /// The best five-card value among any number of cards (five or more).
  static func best(_ cards: [Card]) -> Value {
    var best: Value?
    func walk(_ start: Int, _ chosen: [Card]) {
      if chosen.count == 5 {
        let value = fiveCards(chosen)
        if best == nil || best! < value { best = value }
        return
      }
      guard start < cards.count else { return }
      for i in start..<cards.count { walk(i + 1, chosen + [cards[i]]) }
    }
    walk(0, [])
    return best!
  }
}
