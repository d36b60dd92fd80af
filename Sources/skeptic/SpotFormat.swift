import Foundation
import Solver

/// How `skeptic solve` words a result.
enum SpotFormat {
  static func megabytes(_ bytes: Int) -> String { SpotGame.megabytes(bytes) }

  /// The process's peak resident memory so far (getrusage), in bytes.
  static func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
  }

  static func summary(spot: Spot, result: SpotSolver.RunResult, bytes: Int, threads: Int) -> String {
    let e = result.evaluation
    let verdict: String
    switch result.stoppedBy {
    case "accuracy": verdict = "reached the accuracy"
    case "time": verdict = "stopped at the time limit"
    case "interrupted": verdict = "interrupted"
    default: verdict = "stopped at the iteration limit"
    }
    return [
      String(
        format: "%d iterations in %.2f s (%.2f s solving, %d thread%@): %@", result.iterations, result.seconds,
        result.solveSeconds, threads, threads == 1 ? "" : "s", verdict),
      String(format: "exploitability %.4f%% of the pot (%.4f chips)", e.exploitabilityPercentOfPot, e.exploitability),
      String(
        format: "EV     OOP %8.3f   IP %8.3f   (shares of the pot %d, less chips put in)", e.ev[0], e.ev[1],
        spot.rules.pot),
      String(format: "equity OOP %7.2f%%   IP %7.2f%%", e.equity[0] * 100, e.equity[1] * 100),
      "memory \(megabytes(bytes)) of tables and scratch; the process peaked at \(megabytes(peakResidentBytes()))",
    ].joined(separator: "\n")
  }
}

/// `skeptic solve --json`.
struct SolveReport: Encodable {
  var spot: String
  var street: String
  var combos: [Int]
  var bettingNodes: Int
  var nodes: Int
  var bytes: Int
  var threads: Int
  var algorithm: String
  var result: SpotSolver.RunResult
  var file: String?
  /// The process's peak resident memory so far (getrusage), in bytes.
  var peakResidentBytes: Int

  init(spot: Spot, game: SpotGame, solver: SpotSolver, result: SpotSolver.RunResult, file: String?) {
    self.spot = spot.text
    street = spot.street.description
    combos = game.handCounts
    bettingNodes = game.tree.nodes.count
    nodes = game.nodeCount
    bytes = solver.bytes
    threads = solver.threads
    algorithm = solver.algorithm.description
    self.result = result
    self.file = file
    peakResidentBytes = SpotFormat.peakResidentBytes()
  }
}
