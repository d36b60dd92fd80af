import ArgumentParser
import Foundation
import PokerRules
import SkepticBenchmarks
import Solver

extension Skeptic.Bench {
  /// `skeptic bench blueprint`: the blueprint trainer's deals per second beside OpenSpiel's
  /// external-sampling MCCFR on limit hold'em.
  struct BlueprintBench: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "blueprint",
      abstract: "Time the blueprint trainer (deals per second) on limit hold'em, beside OpenSpiel's ES-MCCFR.",
      discussion: """
        Each figure is a fresh trainer over the card abstraction, warmed up, then timed for \
        --seconds: with pruning off (the start of training) and on (95 % of walks skip \
        actions of very negative regret). One deal is walked once per player, as one \
        iteration of OpenSpiel's ExternalSamplingMCCFRSolver is. With --openspiel PYTHON (a \
        Python with pyspiel, such as the one ../shared/bench/openspiel.sh setup makes), \
        OpenSpiel's solver is timed in the same run on hulh_game_string("fcpa") and the \
        ratio printed.
        """
    )

    @Option(help: "The card abstraction file (skeptic abstract build).")
    var abstraction: String

    @Option(help: "Seconds per measurement.")
    var seconds: Double = 10

    @Option(help: "Thread counts, comma-separated.")
    var threads: String = "1,2"

    @Option(help: "Deals per batch (default: the trainer's, 1024 on hold'em).")
    var batch: Int?

    @Option(help: "A Python with pyspiel, to time OpenSpiel's ES-MCCFR in the same run.")
    var openspiel: String?

    @Flag(help: "Print JSON.")
    var json = false

    struct Output: Encodable {
      var abstraction: String
      var sizes: String
      var tableMiB: Double
      var rows: [BlueprintBenchmark.Row]
      var openSpielIterationsPerSecond: Double?
      var openSpielResidentMiB: [Double]?
    }

    func run() throws {
      let buckets = try CardAbstraction(contentsOf: abstraction)
      let tree = try BlueprintTree(game: BundledGame.limitHoldem.definition)
      var benchmark = BlueprintBenchmark()
      benchmark.seconds = seconds
      benchmark.batch =
        batch ?? BlueprintSettings.batch(tree: tree, bucketCounts: buckets.bucketCounts)
      benchmark.threadCounts = threads.split(separator: ",").compactMap { Int($0) }
      let bytes = BlueprintTrainer.estimatedBytes(tree: tree, buckets: buckets)
      if !json {
        print("blueprint trainer, limit hold'em, buckets \(buckets.sizes), tables \(bytes >> 20) MiB")
      }
      var openSpiel: (rate: Double, memory: [Double])?
      if let openspiel {
        openSpiel = try Self.timeOpenSpiel(python: openspiel, seconds: seconds)
        if !json, let openSpiel {
          print(
            String(
              format: "  OpenSpiel ES-MCCFR      %8.0f iterations/s (resident %.0f → %.0f MiB in %.0f s)",
              openSpiel.rate, openSpiel.memory[0], openSpiel.memory[1], seconds))
        }
      }
      let rows = try benchmark.run(tree: tree, buckets: buckets) { row in
        guard !json else { return }
        var line = String(
          format: "  %d thread%@, pruning %@  %8.0f deals/s", row.threads, row.threads == 1 ? " " : "s",
          row.pruning ? "on " : "off", row.dealsPerSecond)
        if let openSpiel { line += String(format: "  (%.1f× OpenSpiel)", row.dealsPerSecond / openSpiel.rate) }
        print(line)
      }
      if json {
        print(
          try JSONOutput.string(
            Output(
              abstraction: abstraction, sizes: "\(buckets.sizes)", tableMiB: Double(bytes) / 1_048_576, rows: rows,
              openSpielIterationsPerSecond: openSpiel?.rate, openSpielResidentMiB: openSpiel?.memory)))
      }
    }

    /// Runs scripts/openspiel-mccfr.py with the given Python.
    static func timeOpenSpiel(python: String, seconds: Double) throws -> (rate: Double, memory: [Double]) {
      let script = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("../../scripts/openspiel-mccfr.py").standardized.path
      let path = FileManager.default.fileExists(atPath: script) ? script : "scripts/openspiel-mccfr.py"
      guard let object = try ChildJSON.run(URL(fileURLWithPath: python), [path, String(seconds)]),
        let rate = object["iterationsPerSecond"] as? Double,
        let before = object["residentMiBBefore"] as? Double, let after = object["residentMiBAfter"] as? Double
      else {
        throw CommandError("--openspiel: \(python) \(path) did not print its timing (is pyspiel installed for it?)")
      }
      return (rate, [before, after])
    }
  }
}
