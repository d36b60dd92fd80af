import Cards
import Foundation
import PokerRules
import Solver
import TestSupport
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

  /// Hold'em-sized tables train in batches of 1,024 deals (two threads then scale), small games
  /// in batches of 64 (they converge faster).
  @Test func theBatchFollowsTheTablesSize() throws {
    let holdem = try BlueprintTree(game: BundledGame.limitHoldem.definition)
    #expect(BlueprintSettings.batch(forSlots: holdem.layout(bucketCounts: [169, 1000, 1000, 1000]).total) == 1024)
    let leduc = BundledGame.leduc.definition
    let small = try BlueprintTree(game: leduc).layout(bucketCounts: LosslessBuckets(game: leduc).bucketCounts).total
    #expect(BlueprintSettings.batch(forSlots: small) == 64)
  }

  @Test func refusesWhatItCannotTrain() {
    #expect(throws: SolverError.self) { try BlueprintTree(game: BundledGame.kuhn3p.definition) }
    #expect(throws: SolverError.self) { try BlueprintTree(game: BundledGame.noLimitLeduc.definition) }
    #expect(throws: SolverError.self) { try LosslessBuckets(game: BundledGame.limitHoldem.definition) }
  }

  func leducTrainer(threads: Int, batch: Int = 16, seed: UInt64 = 3) throws -> BlueprintTrainer {
    try TestBlueprint.leduc(threads: threads, batch: batch, seed: seed, discountInterval: 1_000)
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

  func temporaryPath(_ name: String) -> String { Scratch.path(name) }

  @Test func policyFilesRoundTripAndRefuseOtherBuckets() throws {
    let trainer = try leducTrainer(threads: 1)
    trainer.run(2_000)
    let path = temporaryPath("leduc.blueprint")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let policy = trainer.policy(menu: nil)
    try policy.write(to: path)
    #expect(BlueprintPolicy.isBlueprint(file: path))
    let read = try BlueprintPolicy(contentsOf: path)
    #expect(read.iterations == trainer.iterations && read.slotCount == policy.slotCount)
    for node in read.tree.nodes.indices where read.tree.nodes[node].isDecision {
      let round = Int(read.tree.nodes[node].round)
      for bucket in stride(from: 0, to: read.bucketCounts[round], by: 5) {
        let expected = trainer.averageStrategy(node: node, bucket: bucket)
        let got = read.strategy(node: node, bucket: bucket)
        #expect(zip(expected, got).allSatisfy { abs($0 - $1) < 1e-6 })
      }
    }
    try read.check(buckets: LosslessBuckets(game: BundledGame.leduc.definition))
    let kuhnBuckets = try LosslessBuckets(game: BundledGame.kuhn.definition)
    #expect(throws: SolverError.self) { try read.check(buckets: kuhnBuckets) }
    // A cut file and a file of another kind are refused with the path in the message.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
    let cut = #expect(throws: SolverError.self) { try BlueprintPolicy(contentsOf: path) }
    #expect(cut?.message.contains(path) == true)
  }

  /// Training N deals, saving, resuming and training N more gives the bits of 2N straight, with
  /// another thread count after the resume.
  @Test func checkpointsResumeBitExact() throws {
    let straight = try leducTrainer(threads: 1)
    straight.run(4_000)
    let first = try leducTrainer(threads: 2)
    first.run(2_000)
    let path = temporaryPath("leduc.checkpoint")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try first.writeCheckpoint(to: path, menu: nil, run: ["note": "test"])
    let buckets = try LosslessBuckets(game: BundledGame.leduc.definition)
    let (resumed, menu, run) = try BlueprintTrainer.resume(from: path, buckets: buckets, threads: 3)
    #expect(menu == nil && run == ["note": "test"] && resumed.iterations == first.iterations)
    resumed.run(2_000)
    #expect(resumed.tableChecksum == straight.tableChecksum)
    let kuhn = try LosslessBuckets(game: BundledGame.kuhn.definition)
    #expect(throws: SolverError.self) { try BlueprintTrainer.resume(from: path, buckets: kuhn, threads: 1) }
  }

  /// No-limit Leduc under a bet menu: a blueprint trains, and the real game's exploitability of
  /// its lift through pseudo-harmonic translation is finite and well below uniform play's.
  @Test func noLimitMenusTrain() throws {
    let game = BundledGame.noLimitLeduc.definition
    let menu = try BetMenuText(bets: "50%,100%,allin", raises: "100%,allin", reraises: "allin", raiseCap: 2).menu()
    let tree = try BlueprintTree(game: game, actions: .menu(menu))
    #expect(tree.decisionCount > 36)
    var settings = BlueprintSettings()
    settings.batch = 16
    let trainer = try BlueprintTrainer(tree: tree, buckets: LosslessBuckets(game: game), settings: settings)
    trainer.run(100_000)
    let abstract = try CompiledGame.compile(game, actions: .menu(menu))
    let judge = BestResponse(game: abstract)
    let value = judge.evaluate(try trainer.policy(on: abstract)).exploitability
    let uniform = judge.evaluate(Policy.uniform(abstract)).exploitability
    #expect(value < uniform / 10, "\(value) against uniform \(uniform)")
  }

  @Test func tooLargeIsRefusedBeforeAllocating() throws {
    let game = BundledGame.leduc.definition
    #expect(throws: SolverError.self) {
      try BlueprintTrainer(tree: BlueprintTree(game: game), buckets: LosslessBuckets(game: game), maxBytes: 1_000)
    }
    var settings = BlueprintSettings()
    settings.batch = 0
    #expect(throws: SolverError.self) {
      try BlueprintTrainer(tree: BlueprintTree(game: game), buckets: LosslessBuckets(game: game), settings: settings)
    }
  }
}
