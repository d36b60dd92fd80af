/// A hand's name in words, as a poker player says it: "two pair, queens and eights", "a flush,
/// ace high", "a pair of kings". Works for any number of cards from one to seven (Kuhn's one card
/// is "king high").
public enum HandName {
  static let singular = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "jack", "queen", "king", "ace",
  ]
  static let plural = [
    "twos", "threes", "fours", "fives", "sixes", "sevens", "eights", "nines", "tens", "jacks", "queens", "kings",
    "aces",
  ]

  /// The best hand the cards make, named.
  public static func of(_ cards: [Card]) -> String { describe(cards).name }

  /// The best hand's category and name.
  public static func describe(_ cards: [Card]) -> (category: HandCategory, name: String) {
    guard !cards.isEmpty else { return (.highCard, "no cards") }
    var counts = [Int](repeating: 0, count: 13)
    var suits = [[Int]](repeating: [], count: 4)
    for card in cards {
      counts[card.rank] += 1
      suits[card.suit].append(card.rank)
    }
    /// The top rank of the highest run of five ranks among `present` (the ace also plays low).
    func straightTop(_ present: Set<Int>) -> Int? {
      for top in stride(from: 12, through: 3, by: -1) {
        let run = (top - 4...top).map { $0 < 0 ? 12 : $0 }
        if top == 3 ? (present.contains(12) && (0...3).allSatisfy(present.contains)) : run.allSatisfy(present.contains)
        {
          return top
        }
      }
      return nil
    }
    if let flush = suits.first(where: { $0.count >= 5 }) {
      if let top = straightTop(Set(flush)) {
        return (.straightFlush, top == 12 ? "a royal flush" : "a straight flush, \(singular[top]) high")
      }
    }
    // Ranks held, highest first, and the groups among them.
    let held = (0..<13).reversed().filter { counts[$0] > 0 }
    let quads = held.filter { counts[$0] >= 4 }
    let trips = held.filter { counts[$0] == 3 }
    let pairs = held.filter { counts[$0] == 2 }
    if let four = quads.first { return (.fourOfAKind, "four \(plural[four])") }
    if let three = trips.first, let two = (trips.dropFirst() + pairs).max() {
      return (.fullHouse, "a full house, \(plural[three]) full of \(plural[two])")
    }
    if let flush = suits.first(where: { $0.count >= 5 }) {
      return (.flush, "a flush, \(singular[flush.max()!]) high")
    }
    if let top = straightTop(Set(held)) {
      return (.straight, top == 3 ? "a straight, ace to five" : "a straight, \(singular[top - 4]) to \(singular[top])")
    }
    if let three = trips.first { return (.threeOfAKind, "three \(plural[three])") }
    if pairs.count >= 2 {
      return (.twoPair, "two pair, \(plural[pairs[0]]) and \(plural[pairs[1]])")
    }
    if let two = pairs.first { return (.onePair, "a pair of \(plural[two])") }
    // The second card names the kicker: "ace-king high".
    return (.highCard, held.count > 1 ? "\(singular[held[0]])-\(singular[held[1]]) high" : "\(singular[held[0]]) high")
  }
}
