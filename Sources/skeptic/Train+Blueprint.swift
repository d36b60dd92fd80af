import ArgumentParser
import Foundation
import MPI
import PokerRules
import Solver

extension Skeptic.Train {
  /// What `skeptic train --abstraction` prints with --json.
  struct BlueprintSummary: Codable {
    var game: String
    var buckets: String
    var menu: String?
    var deals: Int
    var seconds: Double
    var dealsPerSecond: Double
    /// Seconds in the training loop alone (no loading, no writing), and its deals per second.
    var trainingSeconds: Double
    var trainingDealsPerSecond: Double
    var threads: Int
    var tableMiB: Double
    var exploitability: Double?
    var stoppedBy: String
    var out: String
    /// MPI processes (1 outside mpirun).
    var ranks: Int
    /// Per batch, the bytes this process sent and the bytes every process gathered (MPI runs).
    var bytesSentPerBatch: Int?
    var bytesGatheredPerBatch: Int?
    /// Where the first rank's training time went (MPI runs): walking its deals, packing and
    /// gathering the updates (waits for slower ranks included), applying all of them.
    var walkSeconds: Double?
    var gatherSeconds: Double?
    var applySeconds: Double?
    /// A checksum of every regret and strategy sum's bits, to compare runs.
    var tableChecksum: String
    /// The deal a resumed run started from (nil for a fresh run).
    var resumedFrom: Int?
  }

  /// Trains a blueprint: external-sampling MCCFR over card buckets and, for no-limit, a bet menu.
  func trainBlueprint(_ definition: GameDefinition, abstraction: String) throws {
    let world: MPIWorld?
    do { world = try MPIWorld.joinIfLaunched() } catch { throw CommandError(error.message) }
    guard let world else { return try trainBlueprint(definition, abstraction: abstraction, world: nil) }
    // Under mpirun: a failure on one rank must end the job rather than leave the others waiting.
    do {
      try trainBlueprint(definition, abstraction: abstraction, world: world)
      world.finish()
    } catch {
      Terminal.writeError("skeptic train (rank \(world.rank) of \(world.size)): \(error)\n")
      world.abort(code: 1)
    }
  }

  func trainBlueprint(_ definition: GameDefinition, abstraction: String, world: MPIWorld?) throws {
    let isRoot = (world?.rank ?? 0) == 0
    let quiet = json || !isRoot
    let checkpointPath = checkpoint ?? out + ".checkpoint"
    try OutputPath.check(out, option: "--out")
    if checkpointEvery != nil { try OutputPath.check(checkpointPath, option: "--checkpoint") }
    let menu = bets.map {
      BetMenuText(bets: $0, raises: raises ?? "100%,allin", reraises: reraises ?? "allin", raiseCap: raiseCap ?? 3)
    }
    if bets == nil, raises != nil || reraises != nil || raiseCap != nil {
      throw CommandError("--raises, --reraises and --raise-cap shape a bet menu; give --bets too")
    }
    let trainer: BlueprintTrainer
    var resumedFrom: Int?
    let start = Date()
    do {
      let buckets: any CardBuckets =
        abstraction == "lossless"
        ? try LosslessBuckets(game: definition) : try CardAbstraction(contentsOf: abstraction)
      let runRecord = ["game": definition.text, "menu": menu?.description ?? "none", "seed": String(seed)]
      if resume, FileManager.default.fileExists(atPath: checkpointPath) {
        let (resumed, _, recorded) = try BlueprintTrainer.resume(
          from: checkpointPath, buckets: buckets, threads: threads)
        guard recorded == runRecord else {
          throw CommandError(
            "\(checkpointPath) was written by a run with another game, bet menu or seed; resume with the same ones")
        }
        trainer = resumed
        resumedFrom = resumed.iterations
        if !quiet { Terminal.writeError("resuming from \(checkpointPath) at deal \(trainer.iterations)\n") }
      } else {
        let tree = try BlueprintTree(game: definition, actions: try menu.map { .menu(try $0.menu()) })
        var settings = BlueprintSettings()
        settings.seed = seed
        settings.threads = threads
        settings.batch =
          batch ?? BlueprintSettings.batch(tree: tree, bucketCounts: buckets.bucketCounts)
        trainer = try BlueprintTrainer(tree: tree, buckets: buckets, settings: settings)
      }
      let tableMiB = Double(BlueprintTrainer.estimatedBytes(tree: trainer.tree, buckets: buckets)) / 1_048_576
      let ranks = world?.size ?? 1
      if !quiet {
        let processes = ranks > 1 ? "\(ranks) MPI ranks × " : ""
        Terminal.writeError(
          "blueprint: \(trainer.tree.decisionCount) decisions, \(trainer.tree.actionCount) actions, buckets \(buckets.bucketCounts.map(String.init).joined(separator: "-")), tables \(String(format: "%.0f", tableMiB)) MiB, \(processes)\(threads) thread\(threads == 1 ? "" : "s")\n"
        )
      }
      var tally = ExchangeTally()
      let firstDeal = trainer.iterations
      let trainingStart = Date()
      let stoppedBy = try runBlueprint(
        trainer, menu: menu, checkpointPath: checkpointPath, record: runRecord, world: world, tally: &tally)
      let seconds = Date().timeIntervalSince(start)
      let trainingSeconds = Date().timeIntervalSince(trainingStart)
      // Every rank holds the same tables; only the first writes files and reports.
      guard isRoot else { return }
      let policy = trainer.policy(menu: menu)
      if abstraction != "lossless" {
        policy.abstractionPath = URL(fileURLWithPath: abstraction).standardizedFileURL.path
      }
      try policy.write(to: out)
      var exploitability: Double?
      if let compiled = try? CompiledGame.compile(definition, maxNodes: 2_000_000) {
        exploitability = BestResponse(game: compiled).evaluate(try trainer.policy(on: compiled)).exploitability
      }
      let summary = BlueprintSummary(
        game: game, buckets: buckets.identity, menu: menu?.description, deals: trainer.iterations, seconds: seconds,
        dealsPerSecond: Double(trainer.iterations) / max(seconds, 1e-9), trainingSeconds: trainingSeconds,
        trainingDealsPerSecond: Double(trainer.iterations - firstDeal) / max(trainingSeconds, 1e-9), threads: threads,
        tableMiB: tableMiB,
        exploitability: exploitability, stoppedBy: stoppedBy, out: out, ranks: ranks,
        bytesSentPerBatch: world == nil ? nil : tally.sentBytes / max(tally.batches, 1),
        bytesGatheredPerBatch: world == nil ? nil : tally.gatheredBytes / max(tally.batches, 1),
        walkSeconds: world == nil ? nil : tally.walkSeconds, gatherSeconds: world == nil ? nil : tally.gatherSeconds,
        applySeconds: world == nil ? nil : tally.applySeconds,
        tableChecksum: String(trainer.tableChecksum, radix: 16), resumedFrom: resumedFrom)
      if json {
        print(try JSONOutput.string(summary))
      } else {
        print(
          "trained a \(game) blueprint: \(trainer.iterations) deals in \(Terminal.clock(seconds)) (stopped by \(stoppedBy))"
        )
        if let exploitability {
          print(String(format: "exploitability %.6g chips per game (exact best response)", exploitability))
        }
        print("blueprint written to \(out)")
      }
    } catch let error as CommandError {
      throw error
    } catch let error as SolverError {
      throw CommandError(error.message)
    }
  }

  /// Runs to --iterations deals or --time-limit, with the progress bar and checkpoints.
  func runBlueprint(
    _ trainer: BlueprintTrainer, menu: BetMenuText?, checkpointPath: String, record: [String: String],
    world: MPIWorld?, tally: inout ExchangeTally
  ) throws -> String {
    let isRoot = (world?.rank ?? 0) == 0
    let started = Date()
    var limit = Double.infinity
    if let timeLimit, case .seconds(let seconds) = Interval(timeLimit) { limit = seconds }
    var checkpointSeconds = Double.infinity
    var checkpointDeals = Int.max
    if let checkpointEvery {
      switch Interval(checkpointEvery)! {
      case .seconds(let seconds): checkpointSeconds = seconds
      case .iterations(let count): checkpointDeals = count
      }
    }
    let live = Terminal.standardErrorIsTerminal && !json && isRoot
    var lastCheckpoint = Date()
    var lastCheckpointDeals = trainer.iterations
    var lastLine = -5.0
    let firstDeals = trainer.iterations
    var stoppedBy = "iterations"
    while trainer.iterations < iterations {
      let step = min(iterations - trainer.iterations, max(trainer.settings.batch, 4096))
      if let world {
        try trainer.run(step, exchange: world, tally: &tally)
      } else {
        trainer.run(step)
      }
      let elapsed = Date().timeIntervalSince(started)
      // The first rank's clock decides, for every rank, whether to checkpoint and whether to stop.
      var decision: UInt8 = 0
      if Date().timeIntervalSince(lastCheckpoint) >= checkpointSeconds
        || trainer.iterations - lastCheckpointDeals >= checkpointDeals
      {
        decision |= 1
      }
      if elapsed >= limit { decision |= 2 }
      if let world { decision = try world.broadcast(decision, from: 0) }
      if decision & 1 != 0 {
        if isRoot { try trainer.writeCheckpoint(to: checkpointPath, menu: menu, run: record) }
        lastCheckpoint = Date()
        lastCheckpointDeals = trainer.iterations
      }
      if !json && isRoot {
        let rate = Double(trainer.iterations - firstDeals) / max(elapsed, 1e-9)
        let left = Double(iterations - trainer.iterations) / max(rate, 1e-9)
        if live {
          Terminal.writeError(
            "\r\(Terminal.bar(Double(trainer.iterations) / Double(iterations))) \(trainer.iterations)/\(iterations) deals  \(Int(rate)) deals/s  \(Terminal.clock(elapsed)) elapsed, \(Terminal.clock(left)) left\u{1B}[K"
          )
        } else if elapsed - lastLine >= 5 {
          lastLine = elapsed
          Terminal.writeError(
            "deal \(trainer.iterations)/\(iterations)  \(Int(rate)) deals/s  elapsed \(Terminal.clock(elapsed))\n")
        }
      }
      if decision & 2 != 0 {
        stoppedBy = "time limit"
        break
      }
    }
    if live { Terminal.writeError("\n") }
    if checkpointEvery != nil && isRoot { try trainer.writeCheckpoint(to: checkpointPath, menu: menu, run: record) }
    return stoppedBy
  }
}
