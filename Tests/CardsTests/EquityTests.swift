import Cards
import Randomness
import Testing

@Suite struct EquityTests {
  let calculator = EquityCalculator()

  @Test func aceKingSuitedAgainstQueensOverEveryBoard() throws {
    let result = try calculator.exact(hands: [Card.parseList("AhKh"), Card.parseList("QsQd")])
    #expect(result.deals == 1_712_304)
    #expect(result.players[0].wins == 787_966)
    #expect(result.players[1].wins == 917_606)
    #expect(result.players[0].ties == 6_732)
    #expect(abs(result.players[0].equity - 0.46214457) < 5e-9)
    #expect(abs(result.players[1].equity - 0.53785543) < 5e-9)
  }

  @Test func aceKingAgainstQueensAsRanges() throws {
    let result = try calculator.exact(ranges: [HandRange(parsing: "AK"), HandRange(parsing: "QQ")])
    #expect(abs(result.players[0].equity - 0.43943884) < 5e-9)
    #expect(abs(result.players[1].equity - 0.56056116) < 5e-9)
  }

  /// Every board dealt one by one, ranked in full: the slow way the fast enumeration must match.
  func naive(_ hands: [[Card]], board: [Card], dead: [Card]) -> [Double] {
    let used = CardSet(hands.joined()).union(CardSet(board)).union(CardSet(dead))
    let left = Array(CardSet.fullDeck.subtracting(used))
    var wins = [Double](repeating: 0, count: hands.count)
    var ties = wins
    func walk(_ start: Int, _ chosen: [Card]) {
      if board.count + chosen.count == 5 {
        let ranks = hands.map { HandEvaluator.shared.rank(of: Hand($0 + board + chosen)) }
        let best = ranks.max()!
        let winners = ranks.indices.filter { ranks[$0] == best }
        for w in winners { if winners.count == 1 { wins[w] += 1 } else { ties[w] += 1 } }
        return
      }
      for i in start..<left.count { walk(i + 1, chosen + [left[i]]) }
    }
    walk(0, [])
    return wins + ties
  }

  @Test func enumerationAgreesWithRankingEveryBoard() throws {
    var generator = SeededGenerator(seed: 8)
    for trial in 0..<40 {
      var deck = Card.all
      generator.shuffle(&deck)
      let players = 2 + trial % 3
      let hands = (0..<players).map { Array(deck[(2 * $0)..<(2 * $0 + 2)]) }
      let boardCount = [3, 4, 2][trial % 3]
      let board = Array(deck[(2 * players)..<(2 * players + boardCount)])
      let dead = trial % 2 == 0 ? [deck[20]] : []
      let result = try calculator.exact(hands: hands, board: board, dead: dead)
      let expected = naive(hands, board: board, dead: dead)
      #expect(result.players.map(\.wins) + result.players.map(\.ties) == expected)
    }
  }

  @Test func monteCarloIsReproducibleAndCoversTheExactValue() throws {
    let ranges = [try HandRange(parsing: "AhKh"), try HandRange(parsing: "QsQd")]
    let first = try calculator.monteCarlo(ranges: ranges, trials: 200_000, seed: 4)
    let again = try calculator.monteCarlo(ranges: ranges, trials: 200_000, seed: 4)
    #expect(first == again)
    #expect(first.trials == 200_000)
    #expect(abs(first.players[0].equity - 0.46214457) < first.players[0].confidenceHalfWidth * 1.5)
    #expect(first.players[0].confidenceHalfWidth < 0.003)
  }

  @Test func collisionsAreErrorsNamingTheCard() {
    do {
      _ = try calculator.exact(hands: [Card.parseList("AhKh"), Card.parseList("AhQd")])
      Issue.record("a shared card was accepted")
    } catch {
      #expect(error.code == .duplicateCard)
      #expect(error.token == "Ah")
    }
  }

  @Test func rangeTextExpandsToTheRightCombinations() throws {
    #expect(try HandRange(parsing: "QQ+").combos.count == 18)
    #expect(try HandRange(parsing: "AKs").combos.count == 4)
    #expect(try HandRange(parsing: "AKo").combos.count == 12)
    #expect(try HandRange(parsing: "AQo-ATo").combos.count == 36)
    #expect(try HandRange(parsing: "ATs+").combos.count == 16)
    #expect(try HandRange(parsing: "KK-TT").combos.count == 24)
    #expect(try HandRange(parsing: "QQ+, AKs, AQo-ATo, KhQh").combos.count == 18 + 4 + 36 + 1)
    #expect(try HandRange(parsing: "random").combos.count == 1_326)
    let weighted = try HandRange(parsing: "AKs:0.5, AhKh")
    #expect(weighted.combos.count == 4)
    #expect(weighted.combos.first { $0.description == "AhKh" }?.weight == 1)
    #expect(weighted.combos.filter { $0.weight == 0.5 }.count == 3)
  }

  @Test func badRangeTextNamesTheToken() {
    for (text, token) in [
      ("QQ, AZs", "AZs"), ("AKx", "AKx"), ("AKs:2", "AKs:2"), ("QQs", "QQs"), ("AQo-KTo", "AQo-KTo"),
    ] {
      do {
        _ = try HandRange(parsing: text)
        Issue.record("\(text) was accepted")
      } catch {
        #expect(error.token == token)
        #expect(error.code == .malformedRange)
      }
    }
  }
}
