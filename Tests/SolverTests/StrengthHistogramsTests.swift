import Cards
import Randomness
import Solver
import Testing

struct StrengthHistogramsTests {
  /// A hand's river strength against a uniformly random opponent, by enumerating the opponent's
  /// hands with the evaluator (the byte the table stores).
  static func strengthByte(hole: [Card], board: [Card]) -> Int {
    let evaluator = HandEvaluator.shared
    let mine = evaluator.rank(of: Hand(board + hole)).value
    let dead = CardSet(board + hole)
    var score = 0.0
    var total = 0
    for high in 1..<52 where !dead.contains(Card(index: high)) {
      for low in 0..<high where !dead.contains(Card(index: low)) {
        let theirs = evaluator.rank(of: Hand(board + [Card(index: low), Card(index: high)])).value
        score += mine > theirs ? 1 : mine == theirs ? 0.5 : 0
        total += 1
      }
    }
    return Int((Float(score / Double(total)) * 255).rounded())
  }

  /// Turn and flop histograms of hands on a randomly renamed board equal the ones counted by
  /// brute force (every runout, every opponent hand); one thread or two give the same counts.
  @Test(arguments: [4, 3]) func histogramsMatchBruteForce(boardCards: Int) throws {
    let bins = 50
    let boardIndexer = try HandIndexer(rounds: [boardCards])
    let board = try boardIndexer.hand(at: 7, round: 0)
    let strengths = BoardStrengths()
    strengths.build(boards: strengths.runouts(of: board), threads: 2)
    let one = try StrengthHistograms<UInt16>(boardCards: boardCards, bins: bins)
    one.build(strengths: strengths, boards: 7..<8, threads: 1)
    let two = try StrengthHistograms<UInt16>(boardCards: boardCards, bins: bins)
    two.build(strengths: strengths, boards: 7..<8, threads: 2)
    var random = SeededGenerator(seed: 3)
    var suits = [0, 1, 2, 3]
    random.shuffle(&suits)
    let renamed = board.map { Card(rank: $0.rank, suit: suits[$0.suit]) }
    let live = (0..<52).map { Card(index: $0) }.filter { !renamed.contains($0) }
    let indexer = try HandIndexer(rounds: [2, boardCards])
    for _ in 0..<(boardCards == 4 ? 6 : 2) {
      let a = live[random.uniform(below: live.count)]
      var b = a
      while b == a { b = live[random.uniform(below: live.count)] }
      var expected = [Int](repeating: 0, count: bins)
      let rest = live.filter { $0 != a && $0 != b }
      if boardCards == 4 {
        for river in rest {
          expected[min(bins - 1, Self.strengthByte(hole: [a, b], board: renamed + [river]) * bins / 255)] += 1
        }
      } else {
        for (i, turn) in rest.enumerated() {
          for river in rest[(i + 1)...] {
            expected[min(bins - 1, Self.strengthByte(hole: [a, b], board: renamed + [turn, river]) * bins / 255)] += 1
          }
        }
      }
      let index = try indexer.index(of: [a, b] + renamed)
      #expect(one[index] == expected, "\(a) \(b) on \(renamed)")
      #expect(two[index] == expected)
      #expect(expected.reduce(0, +) == one.runouts)
    }
  }

  @Test func badShapesAreRefused() {
    #expect(throws: SolverError.self) { try StrengthHistograms<UInt8>(boardCards: 5, bins: 50) }
    #expect(throws: SolverError.self) { try StrengthHistograms<UInt8>(boardCards: 4, bins: 1) }
    #expect(throws: SolverError.self) { try StrengthHistograms<UInt8>(boardCards: 3, bins: 50) }  // 1,081 > 255
  }
}
