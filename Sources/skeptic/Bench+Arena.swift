import ArgumentParser
import Foundation
import SkepticBenchmarks

extension Skeptic.Bench {
  /// `skeptic bench arena`.
  struct ArenaBench: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "arena",
      abstract: "Time arena matches between two call bots in separate processes over TCP loopback.",
      discussion: """
        Limit hold'em and Leduc hands per second with as many hands in flight as the bots accept \
        (256), and the round trip of one decision with a single hand in flight.
        """
    )

    @Option(help: "Limit hold'em hands to play.")
    var holdemHands: Int = 100_000

    @Option(help: "Leduc hands to play.")
    var leducHands: Int = 100_000

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
      var benchmark = ArenaBenchmark(executable: Skeptic.executablePath)
      benchmark.limitHoldemHands = holdemHands
      benchmark.leducHands = leducHands
      let result: ArenaBenchmark.Result
      do { result = try benchmark.run() } catch { throw CommandError(error) }
      if json {
        print(try JSONOutput.string(result))
        return
      }
      print("arena: call vs call, two bot processes, TCP loopback")
      for line in [result.limitHoldem, result.leduc] {
        print(
          String(
            format: "  %@ %9.0f hands/s  (%d hands in %.2f s, %d in flight, %d decisions)",
            line.game.padding(toLength: 13, withPad: " ", startingAt: 0),
            line.handsPerSecond, line.hands, line.seconds, line.handsInFlight, line.decisions))
      }
      print(
        String(
          format: "  one decision's round trip: %.1f µs (mean of %d, one hand in flight)", result.roundTripMicroseconds,
          result.roundTripDecisions))
      print(
        String(
          format: "  limit hold'em vs the ACPC dealer with its example players (%.0f hands/s): %.1f×",
          result.acpcDealerHandsPerSecond, result.limitHoldem.handsPerSecond / result.acpcDealerHandsPerSecond))
    }
  }
}
