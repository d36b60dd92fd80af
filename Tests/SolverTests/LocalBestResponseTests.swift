import Cards
import PokerRules
import Solver
import TestSupport
import Testing

/// Local best response: a lower bound on the exact best response wherever that can be computed,
/// the published always-fold anchor exactly, and the same results for any thread count.
@Suite struct LocalBestResponseTests {
  /// The mean of `values` and its standard error.
  static func meanAndError(_ values: [Double]) -> (mean: Double, error: Double) {
    let mean = values.reduce(0, +) / Double(values.count)
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    return (mean, (variance / Double(values.count)).squareRoot())
  }

  func leducTrainer(deals: Int) throws -> BlueprintTrainer {
    let trainer = try TestBlueprint.leduc()
    trainer.run(deals)
    return trainer
  }

  func leducBlueprint(deals: Int) throws -> BlueprintPolicy { try leducTrainer(deals: deals).policy(menu: nil) }

  /// On Leduc the exact best response is known: LBR, being one strategy among all, wins no more
  /// than it from either seat (within the sampling error), yet finds a good share of it.
  @Test(arguments: [2_000, 200_000]) func lbrStaysBelowTheExactBestResponse(deals: Int) throws {
    let game = BundledGame.leduc.definition
    let trainer = try leducTrainer(deals: deals)
    let policy = trainer.policy(menu: nil)
    let compiled = try CompiledGame.compile(game)
    let exact = BestResponse(game: compiled).evaluate(try trainer.policy(on: compiled))
    let lbr = try LocalBestResponse(
      game: game, opponent: .blueprint(policy, buckets: LosslessBuckets(game: game), translation: .pseudoHarmonic),
      actions: .limit, seed: 5)
    let results = lbr.play(deals: 0..<20_000, threads: 2)
    for seat in 0..<2 {
      let (mean, error) = Self.meanAndError(results.map { seat == 0 ? $0.first : $0.second })
      let best = exact.bestResponseValues[seat]
      #expect(mean <= best + 4 * error, "seat \(seat): LBR \(mean) ± \(error) above the best response \(best)")
      // It finds a real part of the best response's gain over the policy's own value.
      let gain = best - exact.policyValues[seat]
      #expect(mean - exact.policyValues[seat] > 0.3 * gain - 4 * error, "seat \(seat): LBR \(mean), best \(best)")
    }
  }

  /// No-limit Leduc under a bet menu: the blueprint plays the real game through its translation,
  /// the strategy whose exact best response the lift computes. LBR, betting sizes off the menu
  /// and keeping a range per reading, stays below that best response from either seat.
  @Test func noLimitLBRStaysBelowTheBestResponseToTheLift() throws {
    let game = BundledGame.noLimitLeduc.definition
    let menu = try BetMenuText(bets: "50%,100%,allin", raises: "100%,allin", reraises: "allin", raiseCap: 2).menu()
    var settings = BlueprintSettings()
    settings.batch = 16
    let trainer = try BlueprintTrainer(
      tree: BlueprintTree(game: game, actions: .menu(menu)), buckets: LosslessBuckets(game: game), settings: settings)
    trainer.run(20_000)
    let abstract = try CompiledGame.compile(game, actions: .menu(menu))
    let real = try CompiledGame.compile(game, actions: .every)
    let lifted = ActionTranslation.pseudoHarmonic.lift(try trainer.policy(on: abstract), to: real)
    let exact = BestResponse(game: real).evaluate(lifted)
    let lbr = try LocalBestResponse(
      game: game,
      opponent: .blueprint(
        trainer.policy(menu: nil), buckets: LosslessBuckets(game: game), translation: .pseudoHarmonic),
      actions: .fiftySixSizes, seed: 3)
    let results = lbr.play(deals: 0..<20_000, threads: 2)
    for seat in 0..<2 {
      let (mean, error) = Self.meanAndError(results.map { seat == 0 ? $0.first : $0.second })
      #expect(mean <= exact.bestResponseValues[seat] + 4 * error, "seat \(seat): LBR \(mean) ± \(error)")
      #expect(mean > exact.policyValues[seat], "seat \(seat): LBR \(mean) does not beat the policy's own value")
    }
  }

  /// Against always-fold in no-limit hold'em, LBR checking and calling until the turn and then
  /// betting the pot wins the blinds: exactly 750 mbb/hand, the published anchor.
  @Test func alwaysFoldGivesThePublishedAnchor() throws {
    let game = BundledGame.noLimitHoldem.definition
    let lbr = try LocalBestResponse(game: game, opponent: .alwaysFold, actions: .checkCallThenPot, seed: 1)
    let results = lbr.play(deals: 0..<50, threads: 1)
    let mean = results.reduce(0) { $0 + ($1.first + $1.second) / 2 } / Double(results.count)
    #expect(mean * 1000 / Double(game.bigBlind) == 750)
  }

  @Test func anyThreadCountGivesTheSameResults() throws {
    let game = BundledGame.leduc.definition
    let policy = try leducBlueprint(deals: 5_000)
    let lbr = try LocalBestResponse(
      game: game, opponent: .blueprint(policy, buckets: LosslessBuckets(game: game), translation: .pseudoHarmonic),
      actions: .limit, seed: 2)
    let one = lbr.play(deals: 0..<300, threads: 1)
    let three = lbr.play(deals: 0..<300, threads: 3)
    #expect(one.map(\.first) == three.map(\.first) && one.map(\.second) == three.map(\.second))
  }

  @Test func refusesOtherGames() throws {
    let policy = try leducBlueprint(deals: 100)
    #expect(throws: SolverError.self) {
      try LocalBestResponse(
        game: BundledGame.kuhn.definition,
        opponent: .blueprint(
          policy, buckets: LosslessBuckets(game: BundledGame.leduc.definition), translation: .pseudoHarmonic),
        actions: .limit, seed: 1)
    }
    #expect(throws: SolverError.self) {
      try LocalBestResponse(game: BundledGame.kuhn3p.definition, opponent: .alwaysCall, actions: .limit, seed: 1)
    }
  }
}
