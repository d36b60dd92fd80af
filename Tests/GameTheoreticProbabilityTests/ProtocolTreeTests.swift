import GameTheoreticProbability
import Testing

@Suite struct ProtocolTreeTests {
  let heads: Rational = 1
  let tails: Rational = 0

  func coin(rounds: Int, low: Rational, high: Rational, event: @escaping ([Rational]) -> Bool) -> ProtocolTree<Rational>
  {
    .repeated(
      rounds: rounds, prices: low == high ? .exactly(low) : .within(low, high), outcomes: [tails, heads],
      payoff: { event($0) ? 1 : 0 })
  }

  @Test func fairCoinAtLeastEightHeadsInTen() {
    let tree = coin(rounds: 10, low: Rational(1, 2), high: Rational(1, 2)) { $0.filter { $0 == 1 }.count >= 8 }
    #expect(tree.upperExpectation == Rational(7, 128))
    #expect(tree.lowerExpectation == Rational(7, 128))
  }

  @Test func priceChosenAnewEachTossBetweenTwoAndThreeFifths() {
    let tree = coin(rounds: 3, low: Rational(2, 5), high: Rational(3, 5)) { $0.allSatisfy { $0 == 1 } }
    #expect(tree.upperExpectation == Rational(27, 125))
    #expect(tree.lowerExpectation == Rational(8, 125))
  }

  @Test func exactlyTwoHeadsInFourWithPricesInThreeToSevenTenths() {
    let tree = coin(rounds: 4, low: Rational(3, 10), high: Rational(7, 10)) { $0.filter { $0 == 1 }.count == 2 }
    #expect(tree.upperExpectation == Rational(637, 1000))
    #expect(tree.lowerExpectation == Rational(153, 1000))
    // One price fixed for the whole game can give at most 3/8: the protocol lets it vary.
    #expect(Rational(3, 8) < tree.upperExpectation)
  }

  @Test func threeValuedOutcomesPricedAtOneHalf() {
    let outcomes: [Rational] = [0, Rational(1, 2), 1]
    let two = ProtocolTree<Rational>.repeated(rounds: 2, prices: .exactly(Rational(1, 2)), outcomes: outcomes) {
      $0.reduce(0, +) < Rational(3, 2) ? 0 : 1
    }
    #expect(two.upperExpectation == Rational(1, 2))
    #expect(two.lowerExpectation == 0)
    let three = ProtocolTree<Rational>.repeated(rounds: 3, prices: .exactly(Rational(1, 2)), outcomes: outcomes) {
      $0.reduce(0, +) < 2 ? 0 : 1
    }
    #expect(three.upperExpectation == Rational(5, 8))
  }

  @Test func squareOfAnOutcomeInTheUnitIntervalPricedAtThreeTenths() {
    // The outcome set [0, 1] is represented by tenths; the envelopes are exact at 3/10 either way.
    let outcomes = (0...10).map { Rational($0, 10) }
    let tree = ProtocolTree<Rational>.round(
      prices: .exactly(Rational(3, 10)), outcomes: outcomes.map { ($0, .leaf($0 * $0)) })
    #expect(tree.upperExpectation == Rational(3, 10))
    #expect(tree.lowerExpectation == Rational(9, 100))
  }

  @Test func doublesAgreeWithRationals() {
    let exact = coin(rounds: 4, low: Rational(3, 10), high: Rational(7, 10)) { $0.filter { $0 == 1 }.count == 2 }
    let fast = ProtocolTree<Double>.repeated(rounds: 4, prices: .within(0.3, 0.7), outcomes: [0, 1]) {
      $0.filter { $0 == 1 }.count == 2 ? 1 : 0
    }
    #expect(abs(fast.upperExpectation - exact.upperExpectation.doubleValue) < 1e-12)
  }
}

@Suite struct BoundedForecastingGameTests {
  @Test func capitalFollowsTheStakesAndRefusesInsolventBets() throws {
    let game = try BoundedForecastingGame(lower: 0, upper: 1, capital: 1)
    var round = try game.announce(price: 0.5)
    #expect(throws: ProbabilityError.self) { try round.reveal(1) }
    #expect(throws: ProbabilityError.self) { try round.bet(2.5) }
    try round.bet(2)
    #expect(throws: ProbabilityError.self) { try round.bet(1) }
    let after = try round.reveal(1)
    #expect(after.capital == 2)
    var next = try after.announce(price: 0.5)
    try next.bet(-4)
    #expect(try next.reveal(1).capital == 0)
    #expect(throws: ProbabilityError.self) { try after.announce(price: 1.5) }
    #expect(throws: ProbabilityError.self) { try BoundedForecastingGame(lower: 1, upper: 0) }
  }
}
