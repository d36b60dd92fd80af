import ArgumentParser
import Cards
import Foundation
import SkepticBenchmarks

extension Skeptic.Bench {
  /// `skeptic bench handeval`: the hand evaluator and exact equity.
  struct HandEval: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "handeval",
      abstract: "Time seven-card evaluation (enumeration order and random hands) and exact equity."
    )

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Option(help: "Seed for the random hands.")
    var seed: UInt64 = 1

    func run() throws {
      var benchmark = HandEvaluatorBenchmark()
      benchmark.seed = seed
      let result = benchmark.run()
      if json {
        print(try JSONOutput.string(result))
        return
      }
      print("hand evaluator (one thread)")
      print(String(format: "  enumeration order   %7.1f M hands/s", result.enumerationHandsPerSecond / 1e6))
      print(String(format: "  random hands        %7.1f M hands/s", result.randomHandsPerSecond / 1e6))
      print(
        String(
          format: "  tables              %7.1f KiB, built in %.1f ms", Double(result.tableBytes) / 1024,
          result.tableBuildMilliseconds))
      print(
        String(
          format: "  AhKh vs QsQd exact  %7.2f ms (best of %d, all 1,712,304 boards)", result.equityMilliseconds,
          benchmark.equityRuns))
      print("  checksum            \(result.checksum)")
    }
  }
}
