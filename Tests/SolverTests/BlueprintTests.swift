import Cards
import PokerRules
import Solver
import Testing

@Suite struct BlueprintTests {
  @Test func bettingTreesHaveTheKnownSizes() throws {
    let kuhn = try BlueprintTree(game: BundledGame.kuhn.definition)
    #expect(kuhn.decisionCount == 4 && kuhn.actionCount == 8)
    let leduc = try BlueprintTree(game: BundledGame.leduc.definition)
    // Leduc: each round's betting (raise cap 2) has 6 decisions and 14 actions, and 5 of its
    // lines go on to the second round.
    #expect(leduc.decisionCount == 6 + 5 * 6 && leduc.actionCount == 14 + 5 * 14)
    let holdem = try BlueprintTree(game: BundledGame.limitHoldem.definition)
    #expect(holdem.decisionCount == 6_378)
    #expect(holdem.actionCount == 16_583)
    // Every line the tree holds is legal in the real game.
    #expect(holdem.node(following: [.call, .call, .call, .raise(to: 20)]) != nil)
  }

  @Test func refusesWhatItCannotTrain() {
    #expect(throws: SolverError.self) { try BlueprintTree(game: BundledGame.kuhn3p.definition) }
    #expect(throws: SolverError.self) { try BlueprintTree(game: BundledGame.noLimitLeduc.definition) }
    #expect(throws: SolverError.self) { try LosslessBuckets(game: BundledGame.limitHoldem.definition) }
  }

  func leducTrainer(threads: Int, batch: Int = 16, seed: UInt64 = 3) throws -> BlueprintTrainer {
    let game = BundledGame.leduc.definition
    var settings = BlueprintSettings()
    settings.threads = threads
    settings.batch = batch
    settings.seed = seed
    settings.discountInterval = 1_000
    return try BlueprintTrainer(
      tree: BlueprintTree(game: game), buckets: LosslessBuckets(game: game), settings: settings)
  }

  /// With lossless buckets the abstract game is Leduc itself, so the exact best response judges
  /// the trained strategy: it must fall far below uniform play's and keep falling.
  @Test func losslessLeducConverges() throws {
    let compiled = try CompiledGame.compile(BundledGame.leduc.definition)
    let judge = BestResponse(game: compiled)
    let uniform = judge.evaluate(Policy.uniform(compiled)).exploitability
    let trainer = try leducTrainer(threads: 1)
    trainer.run(20_000)
    let early = judge.evaluate(try trainer.policy(on: compiled)).exploitability
    trainer.run(180_000)
    let late = judge.evaluate(try trainer.policy(on: compiled)).exploitability
    #expect(uniform > 2)
    #expect(early < 0.3)
    #expect(late < early * 0.6)
    #expect(late < 0.08)
    print("blueprint leduc: uniform \(uniform), 20k \(early), 200k \(late)")
  }

  @Test func anyThreadCountGivesTheSameBits() throws {
    func bytes(_ trainer: BlueprintTrainer) -> UInt64 { trainer.tableChecksum }
    let one = try leducTrainer(threads: 1)
    one.run(5_000)
    let two = try leducTrainer(threads: 2)
    two.run(5_000)
    let three = try leducTrainer(threads: 3)
    three.run(2_496)
    three.run(2_504)
    #expect(bytes(one) == bytes(two))
    #expect(bytes(one) == bytes(three))
    let otherSeed = try leducTrainer(threads: 1, seed: 4)
    otherSeed.run(5_000)
    #expect(bytes(one) != bytes(otherSeed))
  }
}
