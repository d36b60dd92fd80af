import Arena
import Dispatch
import Foundation

/// Arena throughput: `call` against `call`, each bot its own `skeptic bot` process, over TCP
/// loopback, with as many hands in flight as the bots accept; and the round trip of one decision
/// with a single hand in flight.
public struct ArenaBenchmark: Sendable {
  public struct Throughput: Codable, Sendable {
    public var game: String
    public var hands: Int
    public var handsInFlight: Int
    /// From the first finished hand to the last (bot start-up and registration excluded).
    public var seconds: Double
    public var handsPerSecond: Double
    public var decisions: Int
  }

  public struct Result: Codable, Sendable {
    public var limitHoldem: Throughput
    public var leduc: Throughput
    /// Leduc with one hand in flight: the mean time from sending a decision to reading its answer.
    public var roundTripMicroseconds: Double
    public var roundTripDecisions: Int
    /// The ACPC dealer with its example players on this machine, as the issue measured it.
    public var acpcDealerHandsPerSecond = 1_650.0
  }

  /// The `skeptic` executable that runs the bots.
  public var executable: String
  public var limitHoldemHands = 100_000
  public var leducHands = 100_000
  public var latencyHands = 5_000

  public init(executable: String) { self.executable = executable }

  func match(game: String, hands: Int, maxInFlight: Int) throws -> (Throughput, MatchReport) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "skeptic-bench-arena-\(getpid())-\(game)-\(maxInFlight)"
    ).path
    try? FileManager.default.removeItem(atPath: directory)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var configuration = MatchRunner.Configuration(
      game: game, bots: [.init(name: "a", spec: "call"), .init(name: "b", spec: "call")], hands: hands,
      outDirectory: directory, executable: executable)
    configuration.maxInFlight = maxInFlight
    var first: UInt64 = 0
    var last: UInt64 = 0
    let report = try MatchRunner(configuration: configuration).run { _ in
      last = DispatchTime.now().uptimeNanoseconds
      if first == 0 { first = last }
    }
    guard let pair = report.pairs.first, pair.hands == hands else {
      throw ArenaError("the benchmark match stopped early: \(report.pairs.first?.stoppedBecause ?? "no pair played")")
    }
    let seconds = Double(last - first) / 1e9
    return (
      Throughput(
        game: game, hands: hands, handsInFlight: pair.handsInFlight, seconds: seconds,
        handsPerSecond: Double(hands - 1) / max(seconds, 1e-9), decisions: pair.decisions),
      report
    )
  }

  public func run() throws -> Result {
    let (holdem, _) = try match(game: "limit-holdem", hands: limitHoldemHands, maxInFlight: 256)
    let (leduc, _) = try match(game: "leduc", hands: leducHands, maxInFlight: 256)
    let (_, single) = try match(game: "leduc", hands: latencyHands, maxInFlight: 1)
    let pair = single.pairs[0]
    return Result(
      limitHoldem: holdem, leduc: leduc, roundTripMicroseconds: pair.meanRoundTripMicroseconds ?? 0,
      roundTripDecisions: pair.decisions)
  }
}
