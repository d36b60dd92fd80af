import ArgumentParser
import Foundation

extension Skeptic.Bench {
  /// `skeptic bench mpi`: blueprint training as one process with threads against MPI ranks.
  struct MPIBench: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "mpi",
      abstract: "Time blueprint training: one process × N threads against N MPI ranks × 1 thread.",
      discussion: """
        Each configuration is a fresh `skeptic train --abstraction` (the second under `mpirun \
        -np N`), run --repeats times in alternation; the median training rate (deals per second \
        in the training loop, without loading or writing) is reported, with the bytes each rank \
        sends per batch and the bytes every rank gathers. Needs Open MPI's mpirun (scripts/setup \
        installs it).
        """
    )

    @Option(help: "The game.")
    var game = "limit-holdem"

    @Option(help: "The card abstraction file (skeptic abstract build), or 'lossless' for small games.")
    var abstraction: String

    @Option(help: "Deals per run.")
    var deals = 400_000

    @Option(help: "Processes, and threads of the one-process run.")
    var processes = 2

    @Option(help: "Runs of each configuration (alternating); the median is reported.")
    var repeats = 3

    @Option(help: "Deals per batch (default: the trainer's, 1024 on hold'em).")
    var batch: Int?

    @Flag(help: "Print JSON.")
    var json = false

    struct Row: Encodable {
      var configuration: String
      var ranks: Int
      var threads: Int
      var dealsPerSecond: [Double]
      var medianDealsPerSecond: Double
      var bytesSentPerBatch: Int?
      var bytesGatheredPerBatch: Int?
      var tableChecksum: String
      /// The last run's first rank: seconds walking, gathering (waits included) and applying.
      var walkSeconds: Double?
      var gatherSeconds: Double?
      var applySeconds: Double?
    }

    struct Output: Encodable {
      var game: String
      var abstraction: String
      var deals: Int
      var batch: Int?
      var rows: [Row]
      var ranksOverThreads: Double
    }

    func run() throws {
      guard processes >= 1, repeats >= 1, deals >= 1 else {
        throw ValidationError("--processes, --repeats and --deals must be at least 1")
      }
      let skeptic = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
      guard let mpirun = Self.findMPIRun() else {
        throw CommandError("mpirun was not found on PATH: install Open MPI (scripts/setup installs openmpi-bin)")
      }
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent("skeptic-bench-mpi-\(UUID())")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: directory) }
      func train(threads: Int, out: String) -> [String] {
        [
          "train", "--game", game, "--abstraction", abstraction, "--iterations", String(deals), "--threads",
          String(threads), "--json", "--out", directory.appendingPathComponent(out).path,
        ]
          + (batch.map { ["--batch", String($0)] } ?? [])
      }
      let asRoot = getuid() == 0 ? ["--allow-run-as-root"] : []
      let configurations: [(name: String, ranks: Int, threads: Int, executable: URL, arguments: [String])] = [
        (
          "1 process × \(processes) thread\(processes == 1 ? "" : "s")", 1, processes, skeptic,
          train(threads: processes, out: "threads")
        ),
        (
          "\(processes) rank\(processes == 1 ? "" : "s") × 1 thread", processes, 1, URL(fileURLWithPath: mpirun),
          asRoot + ["--oversubscribe", "-np", String(processes), skeptic.path] + train(threads: 1, out: "ranks")
        ),
      ]
      var rates = [[Double]](repeating: [], count: configurations.count)
      var last = [[String: Any]](repeating: [:], count: configurations.count)
      if !json { print("blueprint training, \(game), \(abstraction), \(deals) deals per run") }
      for _ in 0..<repeats {
        for (index, configuration) in configurations.enumerated() {
          guard let summary = try ChildJSON.run(configuration.executable, configuration.arguments) else {
            throw CommandError("\(configuration.name): the training run failed")
          }
          rates[index].append(summary["trainingDealsPerSecond"] as? Double ?? 0)
          last[index] = summary
        }
      }
      let rows = configurations.indices.map { index in
        let sorted = rates[index].sorted()
        return Row(
          configuration: configurations[index].name, ranks: configurations[index].ranks,
          threads: configurations[index].threads, dealsPerSecond: rates[index],
          medianDealsPerSecond: sorted[sorted.count / 2], bytesSentPerBatch: last[index]["bytesSentPerBatch"] as? Int,
          bytesGatheredPerBatch: last[index]["bytesGatheredPerBatch"] as? Int,
          tableChecksum: last[index]["tableChecksum"] as? String ?? "",
          walkSeconds: last[index]["walkSeconds"] as? Double, gatherSeconds: last[index]["gatherSeconds"] as? Double,
          applySeconds: last[index]["applySeconds"] as? Double)
      }
      let ratio = rows[1].medianDealsPerSecond / max(rows[0].medianDealsPerSecond, 1e-9)
      if json {
        print(
          try JSONOutput.string(
            Output(
              game: game, abstraction: abstraction, deals: deals, batch: batch, rows: rows, ranksOverThreads: ratio)
          ))
        return
      }
      for row in rows {
        let name = row.configuration.padding(toLength: 26, withPad: " ", startingAt: 0)
        var line = "  " + name + String(format: "%9.0f deals/s (median of %d)", row.medianDealsPerSecond, repeats)
        if let sent = row.bytesSentPerBatch, let gathered = row.bytesGatheredPerBatch {
          line += "  sends \(Self.bytes(sent)) per batch per rank, gathers \(Self.bytes(gathered))"
        }
        print(line)
        if let walk = row.walkSeconds, let gather = row.gatherSeconds, let apply = row.applySeconds {
          let whole = max(walk + gather + apply, 1e-9)
          print(
            String(
              format: "    rank 0's time: walking %.0f %%, gathering %.0f %% (waits included), applying %.0f %%",
              100 * walk / whole, 100 * gather / whole, 100 * apply / whole))
        }
      }
      print(
        "  " + "ranks / threads".padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "%9.2f×", ratio))
      print(
        "  same tables: \(rows[0].tableChecksum == rows[1].tableChecksum ? "yes" : "NO") (checksum \(rows[0].tableChecksum))"
      )
    }

    static func bytes(_ count: Int) -> String {
      count >= 1 << 20
        ? String(format: "%.1f MiB", Double(count) / 1_048_576) : String(format: "%.0f KiB", Double(count) / 1024)
    }

    static func findMPIRun() -> String? {
      let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
      return path.split(separator: ":").map { "\($0)/mpirun" }.first {
        FileManager.default.isExecutableFile(atPath: $0)
      }
    }
  }
}
