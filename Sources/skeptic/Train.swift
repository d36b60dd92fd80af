import ArgumentParser
import Basics
import Foundation
import MPI
import Plotting
import PokerRules
import Solver

extension Skeptic {
  /// `skeptic train`: solve a game with a CFR-family algorithm and write a policy file.
  struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Solve a game with a CFR-family algorithm and write its average strategy as a policy file.",
      discussion: """
        Shows a progress bar on a terminal (plain lines otherwise) with iterations per second, \
        time left and the latest exploitability (exact best response, chips per game). \
        With --checkpoint-every, the solver's state is saved atomically; after a crash or a kill, \
        the same command with --resume continues and ends with the same policy bytes as an \
        uninterrupted run.

        Examples:
          skeptic train --game leduc --algorithm cfr+ --iterations 1000 --out leduc.policy
          skeptic train --game kuhn --algorithm dcfr --iterations 5000 --curve kuhn.csv --plot kuhn.svg
        """
    )

    @Option(help: "A bundled game (kuhn, kuhn-3p, leduc, limit-holdem, nolimit-holdem) or a .game file.")
    var game: String

    @Option(help: "cfr, cfr+, lcfr, dcfr, pcfr+ (full traversal) or es-mccfr, os-mccfr (Monte Carlo).")
    var algorithm: String = "cfr+"

    @Option(help: "Seed for the Monte Carlo algorithms (the same seed gives the same policy bytes).")
    var seed: UInt64 = 1

    @Option(help: "Exploration ε of outcome sampling.")
    var exploration: Double = 0.6

    @Option(help: "DCFR's α (positive-regret discount exponent).")
    var alpha: Double = 1.5

    @Option(help: "DCFR's β (negative-regret discount exponent).")
    var beta: Double = 0

    @Option(help: "DCFR's γ (averaging exponent).")
    var gamma: Double = 2

    @Option(parsing: .unconditional, help: "Total iterations (a resumed run counts the earlier ones).")
    var iterations: Int = 1000

    @Option(help: "Where to write the policy file.")
    var out: String

    @Option(
      parsing: .unconditional, help: "Evaluate exploitability every N iterations (default: about 20 evaluations).")
    var evalEvery: Int?

    @Option(help: "Stop after this long, such as 10m (the policy so far is written).")
    var timeLimit: String?

    @Option(help: "Stop once exploitability (chips per game) is at or below this.")
    var targetExploitability: Double?

    @Option(help: "Write the exploitability curve as CSV (iteration, seconds, exploitability).")
    var curve: String?

    @Option(help: "Write the curve as an SVG plot (log-log, against iterations and seconds).")
    var plot: String?

    @Option(help: "Save the solver's state this often: a duration (30s) or a count of iterations (100it).")
    var checkpointEvery: String?

    @Option(help: "Checkpoint file (default: the policy path with .checkpoint appended).")
    var checkpoint: String?

    @Flag(help: "Continue from the checkpoint if there is one.")
    var resume = false

    @Option(help: "Storage for regrets and sums: single (8 bytes per information-set action) or double.")
    var precision: String = "single"

    @Option(
      name: .customLong("solver"),
      help: ArgumentHelp(
        "fast (default): sums over hands, vectorised. history: walks every history and adds each term in OpenSpiel's order, so its trajectory matches OpenSpiel's digit for digit (small games, double precision, alternating updates, one thread).",
        valueName: "fast|history"))
    var solverKind: String = "fast"

    @Option(help: "Worker threads for large chance nodes (results are the same for any count).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Update all players at once instead of in turn.")
    var simultaneous = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    @Option(
      help: ArgumentHelp(
        "Train a blueprint (external-sampling MCCFR over card buckets, deterministic for any --threads): a card abstraction file (skeptic abstract build) for hold'em, or 'lossless' for games small enough to keep every card apart.",
        valueName: "file|lossless"))
    var abstraction: String?

    @Option(help: "Blueprint: bet sizes for no-limit games, shares of the pot (such as \"50%,100%,allin\").")
    var bets: String?

    @Option(help: "Blueprint: raise sizes, shares of the pot after the call (default 100%,allin).")
    var raises: String?

    @Option(
      help: "Blueprint: sizes for raising a raise and deeper, one list per depth separated by '/' (default allin).")
    var reraises: String?

    @Option(help: "Blueprint: bets and raises per round at most (default 3).")
    var raiseCap: Int?

    @Option(
      help:
        "Blueprint: deals walked against the same tables before their updates merge (default 1024 for hold'em-sized tables, 64 for small games)."
    )
    var batch: Int?

    func validate() throws {
      guard iterations > 0 else { throw ValidationError("--iterations must be positive") }
      guard Algorithm(name: algorithm) != nil || isMonteCarlo else {
        throw ValidationError(
          "unknown --algorithm '\(algorithm)'; choose one of \((Algorithm.names + ["es-mccfr", "os-mccfr"]).joined(separator: ", "))"
        )
      }
      guard exploration > 0, exploration <= 1 else { throw ValidationError("--exploration must be in (0, 1]") }
      guard SolverSettings.Precision(rawValue: precision) != nil else {
        throw ValidationError("--precision is single or double")
      }
      guard ["fast", "history"].contains(solverKind) else { throw ValidationError("--solver is fast or history") }
      if usesHistorySolver {
        if isMonteCarlo {
          throw ValidationError("--solver history runs the full-traversal algorithms, not \(algorithm)")
        }
        if simultaneous { throw ValidationError("--solver history updates the players in turn; drop --simultaneous") }
      }
      if let timeLimit, Interval(timeLimit).flatMap({ if case .seconds = $0 { true } else { nil } }) == nil {
        throw ValidationError("--time-limit '\(timeLimit)' is not \(Interval.help)")
      }
      if let checkpointEvery, Interval(checkpointEvery) == nil {
        throw ValidationError(
          "--checkpoint-every '\(checkpointEvery)' is not \(Interval.help), or a count such as 100it")
      }
      if let evalEvery, evalEvery <= 0 { throw ValidationError("--eval-every must be positive") }
      guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
      if let targetExploitability, !(targetExploitability > 0) {
        throw ValidationError("--target-exploitability must be positive")
      }
    }

    var isMonteCarlo: Bool { ["es-mccfr", "os-mccfr"].contains(algorithm.lowercased()) }

    var usesHistorySolver: Bool { solverKind == "history" }

    /// The run the options describe.
    func trainingRun(_ definition: GameDefinition) -> TrainingRun {
      let method: TrainingRun.Method =
        if isMonteCarlo {
          .monteCarlo(
            algorithm.lowercased() == "os-mccfr" ? .outcome(exploration: exploration) : .external, seed: seed)
        } else if usesHistorySolver {
          .history
        } else {
          .fast(precision: SolverSettings.Precision(rawValue: precision)!, threads: threads)
        }
      var chosen = Algorithm(name: algorithm) ?? .cfr
      if case .discounted = chosen, algorithm.lowercased() == "dcfr" {
        chosen = .discounted(alpha: alpha, beta: beta, gamma: gamma)
      }
      return TrainingRun(game: definition, method: method, algorithm: chosen, alternatingUpdates: !simultaneous)
    }

    func run() throws {
      let definition: GameDefinition
      do { definition = try GameDefinition.named(game) } catch { throw CommandError(error) }
      if let abstraction {
        try trainBlueprint(definition, abstraction: abstraction)
        return
      }
      try refuseBlueprintOptions()
      let run = trainingRun(definition)
      let checkpointPath = checkpoint ?? out + ".checkpoint"
      // Every file it will write is checked before any training.
      try OutputPath.check(out, option: "--out")
      if checkpointEvery != nil { try OutputPath.check(checkpointPath, option: "--checkpoint") }
      if let curve { try OutputPath.check(curve, option: "--curve") }
      if let plot { try OutputPath.check(plot, option: "--plot") }
      let solver: any IterativeSolver
      do {
        if resume, FileManager.default.fileExists(atPath: checkpointPath) {
          solver = try run.resume(from: checkpointPath)
          if !json { Terminal.writeError("resuming from \(checkpointPath) at iteration \(solver.iteration)\n") }
        } else {
          solver = try run.start()
        }
      } catch {
        throw CommandError(error)
      }
      let trainer = Trainer(solver: solver, options: trainerOptions(run, checkpoint: checkpointPath))
      let stop = try trainer.run(progress: progressPrinter())
      if Terminal.standardErrorIsTerminal && !json { Terminal.writeError("\n") }
      let (policy, result) = trainer.final!
      do {
        let header = run.policyHeader(for: solver, exploitability: result.exploitability)
        try PolicyFile(header: header, policy: policy).write(to: out)
        if let curve { try AtomicFile.write(Data(TrainingReport.csv(trainer.curve).utf8), to: curve) }
        if let plot {
          try AtomicFile.write(
            Data(TrainingReport.svg(trainer.curve, title: "\(game) \(run.algorithmName)").utf8), to: plot)
        }
      } catch {
        throw CommandError(error)
      }
      let summary = TrainingReport.Summary(
        game: game, algorithm: run.algorithmName, iterations: solver.iteration, stoppedBy: stop.rawValue,
        exploitability: result.exploitability, policyValues: result.policyValues, out: out,
        bytesPerInformationSetAction: solver.bytesPerSlot, curve: trainer.curve)
      if json {
        print(try JSONOutput.string(summary))
      } else {
        print("trained \(game) with \(run.algorithmName): \(solver.iteration) iterations (stopped by \(stop.rawValue))")
        print(
          String(
            format: "exploitability %.6g chips per game; first player's value %.6f", result.exploitability,
            result.policyValues[0]))
        print("policy written to \(out)")
      }
    }

    /// Exact solvers run in one process and take no blueprint options.
    func refuseBlueprintOptions() throws {
      if MPIWorld.isLaunched() {
        throw CommandError(
          "started by mpirun: training on MPI is for blueprints (give --abstraction); the exact solvers run in one process"
        )
      }
      let blueprintOnly: [(String, Bool)] = [
        ("--bets", bets != nil), ("--raises", raises != nil), ("--reraises", reraises != nil),
        ("--raise-cap", raiseCap != nil), ("--batch", batch != nil),
      ]
      if let given = blueprintOnly.first(where: \.1) {
        throw CommandError(
          "\(given.0) is a blueprint option; give --abstraction too (for a menu game's exact solve, skeptic abstract actions)"
        )
      }
    }

    /// When the trainer stops, evaluates and checkpoints.
    func trainerOptions(_ run: TrainingRun, checkpoint path: String) -> Trainer.Options {
      var options = Trainer.Options(iterations: iterations, evaluateEvery: evalEvery ?? max(1, iterations / 20))
      if let timeLimit, case .seconds(let seconds) = Interval(timeLimit) { options.timeLimit = seconds }
      options.targetExploitability = targetExploitability
      if let checkpointEvery {
        options.checkpointPath = path
        switch Interval(checkpointEvery)! {
        case .seconds(let seconds): options.checkpointSeconds = seconds
        case .iterations(let count): options.checkpointIterations = count
        }
      }
      options.run = run.record
      return options
    }

    /// The progress bar on a terminal, a line every 5 s or evaluation otherwise, nothing for --json.
    func progressPrinter() -> (Trainer.Progress) -> Void {
      let live = Terminal.standardErrorIsTerminal && !json
      var lastLine = -1.0
      return { [json] progress in
        guard !json else { return }
        let exploitability = progress.latestExploitability.map { String(format: "%.3e", $0) } ?? "…"
        let left =
          progress.iterationsPerSecond > 0
          ? Double(progress.target - progress.iteration) / progress.iterationsPerSecond : .infinity
        if live {
          let fraction = Double(progress.iteration) / Double(progress.target)
          Terminal.writeError(
            "\r\(Terminal.bar(fraction)) \(progress.iteration)/\(progress.target)  \(Int(progress.iterationsPerSecond)) it/s  \(Terminal.clock(progress.seconds)) elapsed, \(Terminal.clock(left)) left  exploitability \(exploitability)\u{1B}[K"
          )
        } else if progress.evaluated || progress.seconds - lastLine >= 5 {
          lastLine = progress.seconds
          Terminal.writeError(
            "iteration \(progress.iteration)/\(progress.target)  \(Int(progress.iterationsPerSecond)) it/s  elapsed \(Terminal.clock(progress.seconds))  exploitability \(exploitability)\n"
          )
        }
      }
    }
  }
}

/// The curve and summary `skeptic train` writes.
enum TrainingReport {
  struct Summary: Codable {
    var game: String
    var algorithm: String
    var iterations: Int
    var stoppedBy: String
    var exploitability: Double
    var policyValues: [Double]
    var out: String
    var bytesPerInformationSetAction: Int
    var curve: [Trainer.CurvePoint]
  }

  static func csv(_ curve: [Trainer.CurvePoint]) -> String {
    "iteration,seconds,exploitability\n"
      + curve.map { "\($0.iteration),\(String(format: "%.6f", $0.seconds)),\($0.exploitability)" }.joined(
        separator: "\n") + "\n"
  }

  static func svg(_ curve: [Trainer.CurvePoint], title: String) -> String {
    let byIteration = LinePlot(
      title: "\(title): exploitability by iteration", xLabel: "iterations", yLabel: "exploitability (chips per game)",
      logX: true, logY: true,
      series: [
        .init(name: "exploitability", points: curve.map { (Double($0.iteration), $0.exploitability) }, color: "#1f77b4")
      ])
    let bySeconds = LinePlot(
      title: "by wall time", xLabel: "seconds", yLabel: "exploitability (chips per game)", logX: true, logY: true,
      series: [.init(name: "exploitability", points: curve.map { ($0.seconds, $0.exploitability) }, color: "#d62728")])
    return LinePlot.document([byIteration, bySeconds])
  }
}
