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

    @Option(
      help: ArgumentHelp(
        "The OMPEval timing script (../shared/bench/ompeval.sh): run it and this benchmark in turn, --pairs times, and print each pair's ratios and their medians (run the whole command under taskset -c 1, as the script pins itself to CPU 1).",
        valueName: "path"))
    var ompeval: String?

    @Option(help: "Alternating pairs with --ompeval.")
    var pairs: Int = 5

    /// Each pair's figures, in M hands/s.
    struct Pair: Encodable {
      var ompevalEnumeration: Double
      var ompevalRandom: Double
      var enumeration: Double
      /// Our enumeration with each hand summed from its seven cards, as OMPEval's is.
      var sevenCardEnumeration: Double
      var random: Double
    }

    /// What `--json` prints with `--ompeval`: the last run's figures, every pair, the median ratios.
    struct Comparison: Encodable {
      var result: HandEvaluatorBenchmark.Result
      var pairs: [Pair]
      var medianEnumerationRatio: Double
      var medianSevenCardEnumerationRatio: Double
      var medianRandomRatio: Double
    }

    func validate() throws {
      guard pairs >= 1 else { throw ValidationError("--pairs must be at least 1") }
    }

    /// OMPEval's enumeration and random-hand rates (M hands/s) from one run of its script.
    static func runOMPEval(_ script: String) throws -> (enumeration: Double, random: Double) {
      let (status, text): (Int32, String)
      do { (status, text) = try SolverBench.runScript(script) } catch {
        throw CommandError("\(script): cannot run it: \(error)")
      }
      func rate(_ label: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix("OMPEval \(label) ") }
          .flatMap { $0.split(separator: " ").dropFirst(2).first }.flatMap { Double($0) }
      }
      guard status == 0, let enumeration = rate("enumeration"), let random = rate("random") else {
        throw CommandError(
          "\(script) did not print \"OMPEval enumeration … M/s\" and \"OMPEval random … M/s\" (exit \(status)): \(text.prefix(200))"
        )
      }
      return (enumeration, random)
    }

    static func median(_ values: [Double]) -> Double {
      let sorted = values.sorted()
      return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    func run() throws {
      var benchmark = HandEvaluatorBenchmark()
      benchmark.seed = seed
      if let ompeval {
        var measured: [Pair] = []
        var last: HandEvaluatorBenchmark.Result?
        for index in 0..<pairs {
          let peer = try Self.runOMPEval(ompeval)
          let result = benchmark.run()
          last = result
          let pair = Pair(
            ompevalEnumeration: peer.enumeration, ompevalRandom: peer.random,
            enumeration: result.enumerationHandsPerSecond / 1e6,
            sevenCardEnumeration: result.sevenCardEnumerationHandsPerSecond / 1e6,
            random: result.randomHandsPerSecond / 1e6)
          measured.append(pair)
          if !json {
            print(
              String(
                format:
                  "pair %d: enumeration %.1f (each from 7 cards %.1f) vs OMPEval %.1f M/s (%.2f×, %.2f×), random %.1f vs %.1f M/s (%.2f×)",
                index + 1, pair.enumeration, pair.sevenCardEnumeration, pair.ompevalEnumeration,
                pair.enumeration / pair.ompevalEnumeration, pair.sevenCardEnumeration / pair.ompevalEnumeration,
                pair.random, pair.ompevalRandom, pair.random / pair.ompevalRandom))
          }
        }
        let enumeration = Self.median(measured.map { $0.enumeration / $0.ompevalEnumeration })
        let sevenCard = Self.median(measured.map { $0.sevenCardEnumeration / $0.ompevalEnumeration })
        let random = Self.median(measured.map { $0.random / $0.ompevalRandom })
        if json {
          print(
            try JSONOutput.string(
              Comparison(
                result: last!, pairs: measured, medianEnumerationRatio: enumeration,
                medianSevenCardEnumerationRatio: sevenCard, medianRandomRatio: random)
            ))
        } else {
          print(
            String(
              format:
                "median of %d alternating pairs: enumeration %.2f× (each hand from its 7 cards, like for like: %.2f×), random hands %.2f× OMPEval",
              pairs, enumeration, sevenCard, random))
        }
        return
      }
      let result = benchmark.run()
      if json {
        print(try JSONOutput.string(result))
        return
      }
      print("hand evaluator (one thread)")
      print(String(format: "  enumeration order   %7.1f M hands/s", result.enumerationHandsPerSecond / 1e6))
      print(
        String(
          format: "    each from 7 cards %7.1f M hands/s (OMPEval's method)",
          result.sevenCardEnumerationHandsPerSecond / 1e6))
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
