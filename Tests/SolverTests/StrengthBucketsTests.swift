import Cards
import PokerRules
import Solver
import Testing

/// Strength buckets on the reduced hold'em: hands ranked by expected share, cut evenly; finer
/// buckets make blueprints the exact best response exploits less.
@Suite struct StrengthBucketsTests {
  static let game = BundledGame.shortHoldem.definition

  @Test func bucketsFollowStrengthAndRefuseBadCounts() throws {
    let game = Self.game
    #expect(StrengthBuckets.handCounts(game) == [66, 66 * 45, 66 * 120])
    let buckets = try StrengthBuckets(game: game, counts: [4, 4, 4])
    let ranks = game.deck.map(\.rank)
    let top = ranks.max()!
    let bottom = ranks.min()!
    let aces = game.deck.filter { $0.rank == top }
    let low = game.deck.filter { $0.rank == bottom } + game.deck.filter { $0.rank == bottom + 1 }
    // The best pair is in the top bucket preflop, the worst unpaired hand in the bottom one.
    #expect(buckets.bucket(hole: aces, board: [], round: 0) == 3)
    #expect(buckets.bucket(hole: [low[0], low[3]], board: [], round: 0) == 0)
    // Preflop the 66 hands fill the four buckets evenly.
    var sizes = [Int](repeating: 0, count: 4)
    let deck = game.deck
    for a in 0..<deck.count {
      for b in (a + 1)..<deck.count { sizes[buckets.bucket(hole: [deck[a], deck[b]], board: [], round: 0)] += 1 }
    }
    #expect(sizes.reduce(0, +) == 66 && sizes.allSatisfy { (14...19).contains($0) }, "\(sizes)")
    for counts in [[0, 1, 1], [1, 1], [67, 1, 1]] {
      #expect(throws: SolverError.self) { try StrengthBuckets(game: game, counts: counts) }
    }
  }

  @Test func finerBucketsAreLessExploitable() throws {
    let game = Self.game
    let compiled = try CompiledGame.compile(game)
    let judge = BestResponse(game: compiled)
    var values: [Double] = []
    for count in [1, 8] {
      var settings = BlueprintSettings()
      settings.threads = 2
      let trainer = try BlueprintTrainer(
        tree: BlueprintTree(game: game), buckets: StrengthBuckets(game: game, counts: [count, count, count]),
        settings: settings)
      trainer.run(100_000)
      values.append(judge.evaluate(try trainer.policy(on: compiled)).exploitability)
    }
    #expect(values[1] < values[0] / 2, "exploitability with 1 and 8 buckets: \(values)")
  }
}
