import Dispatch
import GameTheoreticProbability
import Randomness

/// A million observations through the streaming hedged confidence sequence, reading the interval
/// every thousand; its width beside the empirical-Bernstein sequence's on the same data.
public struct StatsBenchmark: Sendable {
  public struct Result: Codable, Sendable {
    public var observations: Int
    public var seconds: Double
    public var nanosecondsPerObservation: Double
    public var gridResolution: Double
    public var hedgedGridWidth: Double
    public var hedgedExactWidth: Double
    public var exactEndsMilliseconds: Double
    public var empiricalBernsteinWidth: Double
    public var hoeffdingWidth: Double
    /// The sum of the lower ends read every 1000 observations (keeps the reads from being skipped).
    public var checksum: Double
  }

  public var observations = 1_000_000
  public var seed: UInt64 = 1

  public init() {}

  /// The benchmark's data: outcomes in [0, 1] with mean 0.5 and a poker-like spread.
  public func data() -> [Double] {
    var generator = SeededGenerator(seed: seed)
    return (0..<observations).map { _ in
      min(1, max(0, 0.5 + 0.35 * (generator.unitDouble() + generator.unitDouble() + generator.unitDouble() - 1.5)))
    }
  }

  public func run() throws -> Result {
    let data = data()
    var hedged = try HedgedConfidenceSequence(alpha: 0.05)
    var reads = 0.0
    let start = DispatchTime.now().uptimeNanoseconds
    for (i, x) in data.enumerated() {
      try hedged.observe(x)
      if (i + 1) % 1_000 == 0, let interval = hedged.interval { reads += interval.lowerBound }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let exactStart = DispatchTime.now().uptimeNanoseconds
    let exact = hedged.exactInterval()!
    let exactSeconds = Double(DispatchTime.now().uptimeNanoseconds - exactStart) / 1e9
    var eb = try ClosedFormConfidenceSequence(kind: .empiricalBernstein, alpha: 0.05)
    var hoeffding = try ClosedFormConfidenceSequence(kind: .hoeffding, alpha: 0.05)
    for x in data {
      try eb.observe(x)
      try hoeffding.observe(x)
    }
    let grid = hedged.interval!
    return Result(
      observations: observations, seconds: seconds, nanosecondsPerObservation: seconds / Double(observations) * 1e9,
      gridResolution: hedged.resolution, hedgedGridWidth: grid.upperBound - grid.lowerBound,
      hedgedExactWidth: exact.upperBound - exact.lowerBound, exactEndsMilliseconds: exactSeconds * 1000,
      empiricalBernsteinWidth: eb.interval!.upperBound - eb.interval!.lowerBound,
      hoeffdingWidth: hoeffding.interval!.upperBound - hoeffding.interval!.lowerBound, checksum: reads)
  }
}
