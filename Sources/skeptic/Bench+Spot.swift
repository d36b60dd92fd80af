import ArgumentParser
import Foundation
import Solver

extension Skeptic.Bench {
  /// `skeptic bench spot`: the SPOTS.md spots timed to 0.5 % and 0.1 % beside TexasSolver's figures.
  struct SpotBench: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "spot",
      abstract: "Time the spot solver on the SPOTS.md spots to 0.5 % and 0.1 % of the pot, with peak memory.",
      discussion: """
        Each solve is a fresh `skeptic solve --json` process (so peak memory is its own). A river \
        or turn spot is solved once measuring exploitability after every iteration, which gives \
        the iterations to 0.5 % and 0.1 %; then that many iterations are timed, measured only at \
        multiples of the 0.5 % count (a measurement leaves the caches cold for the next \
        iteration), 15 times for the \
        rivers and 3 for the turns, and the median is reported. The flop is solved once, measuring \
        every 10 iterations (its time to the first measurement at or under the target, \
        measurements excluded). TexasSolver's figures from \
        SPOTS.md are printed beside ours, scaled to this machine when --openspiel PATH (the \
        peers' script, ../shared/bench/openspiel.sh) times OpenSpiel's CFR+ on Leduc in the \
        same run: scale = its ms per iteration ÷ 8.8. The machine's speed drifts, so OpenSpiel \
        is timed before the first spot and after each one, and each spot is scaled by the \
        geometric mean of the two timings around it (the column "scale").
        """
    )

    @Option(help: "Folder holding the spot files.")
    var spots: String = "Examples/spots"

    @Option(help: "Spots to time, comma-separated (river-spr1, river-spr5, turn-spr1, turn-spr5, flop).")
    var only: String = "river-spr1,river-spr5,turn-spr1,turn-spr5,flop"

    @Option(help: "Thread counts for the turn and flop spots, comma-separated (rivers run on one).")
    var threads: String = "1,2"

    @Option(help: "Thread counts for the flop spot (it takes minutes per run).")
    var flopThreads: String = "2"

    @Flag(help: "Also time the flop with 16-bit tables (--compress).")
    var compressedFlop = false

    @Option(help: "Path to the OpenSpiel timing script, to scale TexasSolver's figures to this machine.")
    var openspiel: String?

    @Flag(help: "Print JSON.")
    var json = false

    /// TexasSolver's figures from SPOTS.md: iterations to 0.5 % / 0.1 %, ms per iteration on
    /// 1 / 2 threads, seconds to 0.1 % on 1 / 2 threads, peak MB.
    static let texasSolver:
      [String: (iterations: [Int], milliseconds: [Double], seconds: [Double], megabytes: Double)] =
        [
          "river-spr1": ([22, 41], [0.024, 0.022], [0.001, 0.001], 109),
          "river-spr5": ([93, 233], [0.130, 0.129], [0.031, 0.031], 109),
          "turn-spr1": ([31, 56], [1.67, 0.86], [0.096, 0.059], 112),
          "turn-spr5": ([106, 321], [31, 15], [9.96, 4.87], 122),
          "flop": ([81, 251], [2250, 1190], [565, 300], 808),
        ]

    struct Row: Encodable {
      var spot: String
      var threads: Int
      var iterationsToHalfPercent: Int?
      var iterationsToTenthPercent: Int?
      var secondsToHalfPercent: Double?
      var secondsToTenthPercent: Double?
      var millisecondsPerIteration: Double
      var peakMegabytes: Double
      var wallSeconds: Double
      /// Filled by ``applyPeer(scale:)``.
      var texasSolverSecondsToTenthPercentScaled: Double? = nil
      var speedupOverTexasSolver: Double? = nil
      var texasSolverPeakMegabytes: Double? = nil
      /// TexasSolver's times were multiplied by this: OpenSpiel's ms per iteration ÷ 8.8, the
      /// geometric mean of its timings just before and just after this spot.
      var scale: Double? = nil
    }

    func run() throws {
      // OpenSpiel's Leduc CFR+ ms per iteration ÷ 8.8, timed now and after every spot.
      func calibrate() -> Double? {
        guard let openspiel else { return nil }
        let peer = SolverBench.runPeer(openspiel, ["cfr", "leduc_poker", "cfr+", "100"])
        guard let seconds = peer["seconds_per_iteration"] as? Double else {
          if !json {
            print("OpenSpiel did not run (\(peer["error"] ?? "no output")); TexasSolver's figures are printed unscaled")
          }
          return nil
        }
        return seconds * 1000 / 8.8
      }
      var scales: [Double] = []
      var before = calibrate()
      if let before {
        scales.append(before)
        if !json {
          print(
            String(
              format:
                "OpenSpiel CFR+ on Leduc: %.2f ms per iteration here (8.8 when SPOTS.md was measured); timed again after each spot",
              before * 8.8))
        }
      }
      let threadCounts = threads.split(separator: ",").compactMap { Int($0) }
      let flopCounts = flopThreads.split(separator: ",").compactMap { Int($0) }
      var rows: [Row] = []
      if !json {
        print(Self.header)
      }
      for name in only.split(separator: ",").map(String.init) {
        let counts = name.hasPrefix("river") ? [1] : (name == "flop" ? flopCounts : threadCounts)
        for count in counts {
          for compress in name == "flop" && compressedFlop ? [false, true] : [false] {
            var row = try measure(name, threads: count, compress: compress)
            let after = calibrate()
            if let after { scales.append(after) }
            let scale = before.flatMap { first in after.map { (first * $0).squareRoot() } } ?? before ?? after
            row.applyPeer(scale: scale)
            rows.append(row)
            if !json { print(Self.line(row)) }
            fflush(nil)
            before = after ?? before
          }
        }
      }
      if json {
        print(try JSONOutput.string(rows))
      } else if let low = scales.min(), let high = scales.max() {
        print(
          String(
            format: "OpenSpiel's timing moved between %.2f and %.2f ms per iteration over the run (scale %.2f–%.2f)",
            low * 8.8, high * 8.8, low, high))
      }
    }

    /// The river and turn spots: a first solve measures exploitability after every iteration, to
    /// find the first iterations at or under 0.5 % and 0.1 %; then the same solve (it is
    /// deterministic) is timed for exactly that many iterations, measured only at multiples of
    /// the 0.5 % count (a measurement leaves the caches cold for the iteration after it, which made
    /// the river's iterations half again as long when measured every iteration), 15 times for the
    /// rivers and 3 for the turns, and the median is reported. The flop (minutes per solve) is
    /// solved once, measured every 10 iterations.
    func measure(_ name: String, threads: Int, compress: Bool) throws -> Row {
      let label = compress ? name + " 16-bit" : name
      // A row read off one solve's measurements.
      func row(_ report: SolveReport) -> Row {
        func first(_ target: Double) -> [Double]? { report.curve.first { $0[2] <= target } }
        return Row(
          spot: label, threads: threads, iterationsToHalfPercent: first(0.5).map { Int($0[0]) },
          iterationsToTenthPercent: first(0.1).map { Int($0[0]) }, secondsToHalfPercent: first(0.5)?[1],
          secondsToTenthPercent: first(0.1)?[1],
          millisecondsPerIteration: report.solveSeconds / Double(max(report.iterations, 1)) * 1000,
          peakMegabytes: report.peakMegabytes, wallSeconds: report.seconds)
      }
      if name == "flop" {
        return row(try solve(name, threads: threads, compress: compress, iterations: 3000, every: 10, accuracy: 0.1))
      }
      let counting = try solve(name, threads: threads, compress: compress, iterations: 3000, every: 1, accuracy: 0.1)
      let counted = row(counting)
      guard let half = counted.iterationsToHalfPercent, let tenth = counted.iterationsToTenthPercent else {
        return counted
      }
      let repeats = name.hasPrefix("river") ? 15 : 3
      let timed = try (0..<repeats).map { _ in
        try solve(name, threads: threads, compress: compress, iterations: tenth, every: half, accuracy: 1e-9)
      }.sorted { $0.solveSeconds < $1.solveSeconds }
      let median = timed[repeats / 2]
      return Row(
        spot: label, threads: threads, iterationsToHalfPercent: half, iterationsToTenthPercent: tenth,
        secondsToHalfPercent: median.curve.first { Int($0[0]) == half }?[1], secondsToTenthPercent: median.solveSeconds,
        millisecondsPerIteration: median.solveSeconds / Double(tenth) * 1000,
        peakMegabytes: max(counting.peakMegabytes, median.peakMegabytes), wallSeconds: median.seconds)
    }

    /// What one `skeptic solve --json` child reported.
    struct SolveReport {
      var curve: [[Double]]
      var iterations: Int
      var solveSeconds: Double
      var seconds: Double
      var peakMegabytes: Double
    }

    /// One solve in a fresh process: at most `iterations`, measuring every `every`, stopping at
    /// `accuracy` % of the pot.
    func solve(
      _ name: String, threads: Int, compress: Bool, iterations: Int, every: Int, accuracy: Double
    ) throws -> SolveReport {
      let arguments =
        [
          "solve", "\(spots)/\(name).spot", "--accuracy", "\(accuracy)%", "--iterations", "\(iterations)",
          "--threads", "\(threads)", "--eval-every", "\(every)", "--json",
        ] + (compress ? ["--compress"] : [])
      guard
        let report = try ChildJSON.run(URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL, arguments),
        let result = report["result"] as? [String: Any], let curve = result["curve"] as? [[Double]]
      else {
        throw CommandError("\(name): skeptic solve failed or printed no result")
      }
      return SolveReport(
        curve: curve, iterations: result["iterations"] as? Int ?? 0,
        solveSeconds: result["solveSeconds"] as? Double ?? 0,
        seconds: result["seconds"] as? Double ?? 0,
        peakMegabytes: Double(report["peakResidentBytes"] as? Int ?? 0) / 1e6)
    }

    static let header =
      "spot            thr  it→0.5%  it→0.1%   s→0.5%    s→0.1%    ms/it  peak MB │ TexasSolver  scale ×faster  peak MB\n"
      + "                                                                          │ s→0.1% (scaled)"

    static func line(_ row: Row) -> String {
      func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
      }
      func number(_ value: Int?, _ width: Int) -> String { pad(value.map { String($0) } ?? "–", width) }
      func seconds(_ value: Double?, _ width: Int) -> String {
        pad(value.map { String(format: "%.3f", $0) } ?? "–", width)
      }
      let name = row.spot + String(repeating: " ", count: max(0, 16 - row.spot.count))
      return name + pad("\(row.threads)", 3) + number(row.iterationsToHalfPercent, 9)
        + number(row.iterationsToTenthPercent, 9) + seconds(row.secondsToHalfPercent, 9)
        + seconds(row.secondsToTenthPercent, 10) + pad(String(format: "%.2f", row.millisecondsPerIteration), 9)
        + pad(String(format: "%.0f", row.peakMegabytes), 9) + " │"
        + seconds(row.texasSolverSecondsToTenthPercentScaled, 12)
        + pad(row.scale.map { String(format: "%.2f", $0) } ?? "–", 7)
        + pad(row.speedupOverTexasSolver.map { String(format: "%.1f×", $0) } ?? "–", 9)
        + pad(String(format: "%.0f", row.texasSolverPeakMegabytes ?? 0), 9)
    }
  }
}

extension Skeptic.Bench.SpotBench.Row {
  /// Puts TexasSolver's SPOTS.md figures for this spot beside ours, its times multiplied by
  /// `scale` (unscaled without one).
  mutating func applyPeer(scale: Double?) {
    self.scale = scale
    guard let peer = Skeptic.Bench.SpotBench.texasSolver[spot.replacingOccurrences(of: " 16-bit", with: "")] else {
      return
    }
    let seconds = peer.seconds[min(threads, 2) - 1] * (scale ?? 1)
    texasSolverSecondsToTenthPercentScaled = seconds
    texasSolverPeakMegabytes = peer.megabytes
    if let ours = secondsToTenthPercent, ours > 0 { speedupOverTexasSolver = seconds / ours }
  }
}
