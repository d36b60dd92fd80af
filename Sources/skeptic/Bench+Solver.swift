import ArgumentParser
import Foundation
import SkepticBenchmarks

extension Skeptic.Bench {
  /// `skeptic bench solver`.
  struct SolverBench: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "solver",
      abstract: "Time the CFR family, time-to-exploitability and exact best response on Leduc.",
      discussion: """
        With --openspiel PATH (the peers' script, ../shared/bench/openspiel.sh in the development \
        tree), OpenSpiel's C++ CFR+ and exploitability are timed in the same run and the ratios \
        printed.
        """
    )

    @Option(help: "Iterations timed per algorithm.")
    var iterations: Int = 2_000

    @Option(help: "Path to the OpenSpiel timing script, to time the peer in the same run.")
    var openspiel: String?

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
      var benchmark = SolverBenchmark()
      benchmark.iterations = iterations
      let result = try benchmark.run()
      var peer: [String: [String: Any]] = [:]
      if let openspiel {
        peer["cfr+"] = Self.runPeer(openspiel, ["cfr", "leduc_poker", "cfr+", "100"])
        peer["exploitability"] = Self.runPeer(openspiel, ["exploitability", "leduc_poker"])
      }
      if json {
        print(try JSONOutput.string(result))
        if !peer.isEmpty, let data = try? JSONSerialization.data(withJSONObject: peer, options: [.sortedKeys]) {
          print(String(decoding: data, as: UTF8.self))
        }
        return
      }
      print("solver on Leduc (\(result.informationSetActions) information-set actions, one thread)")
      let width = result.algorithms.map(\.algorithm.count).max() ?? 0
      for figure in result.algorithms {
        let name = figure.algorithm.padding(toLength: width, withPad: " ", startingAt: 0)
        print(
          "  \(name) "
            + String(
              format: "%8.1f µs/iteration  %2d bytes per information-set action  exploitability after run %.3g",
              figure.microsecondsPerIteration, figure.bytesPerInformationSetAction, figure.exploitabilityAfterRun))
      }
      for (name, milliseconds) in result.millisecondsToOneInTenThousand.sorted(by: { $0.key < $1.key }) {
        print(String(format: "  exploitability ≤ 1e-4 from a cold start with %@: %.1f ms", name, milliseconds))
      }
      print(
        String(
          format: "  exact exploitability of a policy: %.3f ms (median of 21)", result.exactExploitabilityMilliseconds))
      print(
        String(
          format: "  MCCFR: external sampling %.0f iterations/s, outcome sampling %.0f iterations/s",
          result.externalSamplingIterationsPerSecond, result.outcomeSamplingIterationsPerSecond))
      print(
        String(
          format: "  history solver (OpenSpiel's order, same digits) CFR+: %.0f µs/iteration",
          result.historySolverMicrosecondsPerIteration))
      if let cfrPlus = peer["cfr+"]?["seconds_per_iteration"] as? Double,
        let ours = result.algorithms.first(where: { $0.algorithm == "cfr+" })?.microsecondsPerIteration
      {
        print(
          String(
            format: "  OpenSpiel C++ CFR+: %.1f µs/iteration → Skeptic is %.0f× faster (history solver %.1f×)",
            cfrPlus * 1e6, cfrPlus * 1e6 / ours, cfrPlus * 1e6 / result.historySolverMicrosecondsPerIteration))
      }
      if let seconds = peer["exploitability"]?["median_seconds"] as? Double {
        print(
          String(
            format: "  OpenSpiel exploitability: %.2f ms → Skeptic is %.0f× faster", seconds * 1000,
            seconds * 1000 / result.exactExploitabilityMilliseconds))
      }
    }

    /// Runs a peer's timing script with bash and returns its exit status and what it printed.
    static func runScript(_ script: String, _ arguments: [String] = []) throws -> (status: Int32, output: String) {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = [script] + arguments
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The JSON object a peer's timing script prints last, or `["error": …]`.
    static func runPeer(_ script: String, _ arguments: [String]) -> [String: Any] {
      let output: String
      do { output = try runScript(script, arguments).output } catch { return ["error": "\(error)"] }
      let line = output.split(separator: "\n").last.map(String.init) ?? ""
      return (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? ["error": line]
    }
  }
}
