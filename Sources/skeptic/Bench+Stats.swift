import ArgumentParser
import Foundation
import SkepticBenchmarks

extension Skeptic.Bench {
  /// `skeptic bench stats`.
  struct StatsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "stats",
      abstract: "Stream a million observations through the hedged confidence sequence and compare widths."
    )

    @Option(help: "Observations to stream.")
    var observations: Int = 1_000_000

    @Flag(help: "Print JSON.")
    var json = false

    @Option(help: "Also write the data as one value per line, to time peers on the same data.")
    var writeData: String?

    func run() throws {
      var benchmark = StatsBenchmark()
      benchmark.observations = observations
      if let writeData {
        let text = benchmark.data().map { String($0) }.joined(separator: "\n") + "\n"
        try text.write(toFile: writeData, atomically: true, encoding: .utf8)
      }
      let result = try benchmark.run()
      if json {
        print(try JSONOutput.string(result))
        return
      }
      print("hedged confidence sequence, \(result.observations) observations, interval read every 1000 (one thread)")
      print(
        String(format: "  %.2f s in all, %.0f ns per observation", result.seconds, result.nanosecondsPerObservation))
      print(
        String(
          format: "  width at the end: %.5f on the grid (resolution %.4f), %.5f exact (ends found in %.0f ms)",
          result.hedgedGridWidth, result.gridResolution, result.hedgedExactWidth, result.exactEndsMilliseconds))
      print(
        String(
          format: "  empirical Bernstein width %.5f, Hoeffding width %.5f", result.empiricalBernsteinWidth,
          result.hoeffdingWidth))
    }
  }
}
