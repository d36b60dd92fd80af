import Cards
import Randomness
import Testing

@Suite struct HandNameTests {
  @Test(arguments: [
    ("AhKhQhJhTh9c2d", "a royal flush"), ("9h8h7h6h5h", "a straight flush, nine high"),
    ("QsQhQdQc2c", "four queens"), ("QsQhQd8c8h8d", "a full house, queens full of eights"),
    ("Ah9h7h4h2h", "a flush, ace high"), ("Ad2c3h4s5d", "a straight, ace to five"),
    ("Tc9d8h7s6d", "a straight, six to ten"), ("QsQh8c8d4h4s", "two pair, queens and eights"),
    ("QsQh8c", "a pair of queens"), ("Ks", "king high"), ("AhQs9c", "ace-queen high"), ("7s7h7d", "three sevens"),
  ])
  func namesAsAPlayerSaysThem(cards: String, name: String) throws {
    #expect(HandName.of(try Card.parseList(cards)) == name)
  }

  /// The category named agrees with the evaluator's on random hands of every size.
  @Test func agreesWithTheEvaluator() {
    var generator = SeededGenerator(seed: 11)
    let evaluator = HandEvaluator.shared
    for size in [1, 2, 3, 5, 6, 7] {
      for _ in 0..<20_000 {
        var deck = (0..<52).map { Card(rank: $0 / 4, suit: $0 % 4) }
        var cards: [Card] = []
        for _ in 0..<size { cards.append(deck.remove(at: generator.uniform(below: deck.count))) }
        let named = HandName.describe(cards).category
        #expect(named == evaluator.rank(of: cards).category, "\(cards): \(HandName.of(cards))")
        if named != evaluator.rank(of: cards).category { return }
      }
    }
  }
}
