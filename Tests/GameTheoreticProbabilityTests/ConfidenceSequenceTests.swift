import Foundation
import GameTheoreticProbability
import Randomness
import Testing

@Suite struct ConfidenceSequenceTests {
  enum Method: String, CaseIterable, Sendable { case hedged, eb, hoeffding }

  func make(_ method: Method, alpha: Double = 0.05) -> any ConfidenceSequence {
    switch method {
    case .hedged: try! HedgedConfidenceSequence(alpha: alpha, gridSize: 400)
    case .eb: try! ClosedFormConfidenceSequence(kind: .empiricalBernstein, alpha: alpha)
    case .hoeffding: try! ClosedFormConfidenceSequence(kind: .hoeffding, alpha: alpha)
    }
  }

  /// Every interval of the path contains the true mean: the share of such paths is at least
  /// 1 − α less three standard errors of the simulation.
  @Test(arguments: Method.allCases, [0.3, 0.5])
  func coversTheMeanAtAllTimesAtOnce(method: Method, mean: Double) {
    var generator = SeededGenerator(seed: 11)
    let paths = 1_000
    var covered = 0
    for _ in 0..<paths {
      var sequence = make(method)
      var always = true
      for _ in 0..<500 {
        // Outcomes 0, 1/2 or 1 with mean `mean` and some spread.
        let u = generator.unitDouble()
        let x: Double = u < mean * 0.8 ? 1 : (u < mean * 0.8 + 0.4 ? 0.5 : 0)
        try! sequence.observe(x)
        guard let interval = sequence.interval, interval.contains(0.8 * mean + 0.2) else {
          always = false
          break
        }
      }
      if always { covered += 1 }
    }
    let rate = Double(covered) / Double(paths)
    #expect(rate >= 0.95 - 0.021, "\(method): covered on \(rate) of paths")
  }

  /// The slow way: K_t(m) recomputed from scratch on a fine scan of candidate means.
  func scan(_ xs: [Double], alpha: Double) -> (Double, Double) {
    var moments: (sum: Double, squares: Double, count: Int) = (0, 0, 0)
    var sizes: [Double] = []
    for x in xs {
      let t = Double(moments.count + 1)
      let variance = (0.25 + moments.squares) / Double(moments.count + 1)
      sizes.append((2 * log(2 / alpha) / (variance * t * log(1 + t))).squareRoot())
      moments.sum += x
      moments.count += 1
      let mean = (0.5 + moments.sum) / Double(moments.count + 1)
      moments.squares += (x - mean) * (x - mean)
    }
    var inside: [Double] = []
    for step in 1..<100_000 {
      let m = Double(step) / 100_000
      var up = 1.0
      var down = 1.0
      for (x, size) in zip(xs, sizes) {
        up *= 1 + min(size, 0.5 / m) * (x - m)
        down *= 1 - min(size, 0.5 / (1 - m)) * (x - m)
      }
      if max(0.5 * up, 0.5 * down) < 1 / alpha { inside.append(m) }
    }
    return (inside.first!, inside.last!)
  }

  @Test func exactEndsAgreeWithADirectScan() throws {
    var generator = SeededGenerator(seed: 3)
    var sequence = try HedgedConfidenceSequence(alpha: 0.05, gridSize: 200)
    var xs: [Double] = []
    for _ in 0..<300 {
      let x = generator.unitDouble() * generator.unitDouble()
      xs.append(x)
      try sequence.observe(x)
    }
    let exact = try #require(sequence.exactInterval())
    let grid = try #require(sequence.interval)
    let (low, high) = scan(xs, alpha: 0.05)
    #expect(
      abs(exact.lowerBound - low) < 2e-5 && abs(exact.upperBound - high) < 2e-5, "exact \(exact) scan \(low)...\(high)")
    #expect(grid.lowerBound <= exact.lowerBound && exact.upperBound <= grid.upperBound)
    #expect(grid.upperBound - grid.lowerBound <= exact.upperBound - exact.lowerBound + 2 * sequence.resolution + 1e-12)
  }

  @Test func withoutRunningIntersectionTheGridFollowsTodaysSetAndTheBatchAPIAgrees() throws {
    var generator = SeededGenerator(seed: 21)
    let xs = (0..<400).map { _ in generator.unitDouble() }
    var free = try HedgedConfidenceSequence(alpha: 0.05, gridSize: 200, runningIntersection: false)
    for x in xs { try free.observe(x) }
    let (low, high) = scan(xs, alpha: 0.05)
    let exact = try #require(free.exactInterval())
    #expect(abs(exact.lowerBound - low) < 2e-5 && abs(exact.upperBound - high) < 2e-5)
    let batch = try #require(try HedgedConfidenceSequence.interval(of: xs, alpha: 0.05, runningIntersection: false))
    #expect(abs(batch.lowerBound - low) < 2e-5 && abs(batch.upperBound - high) < 2e-5)
    var intersected = try ClosedFormConfidenceSequence(kind: .empiricalBernstein, alpha: 0.05)
    var plain = try ClosedFormConfidenceSequence(kind: .empiricalBernstein, alpha: 0.05, runningIntersection: false)
    for x in xs {
      try intersected.observe(x)
      try plain.observe(x)
      #expect(plain.interval!.lowerBound <= intersected.interval!.lowerBound)
    }
  }

  @Test func powerAgainstAHalfWhenTheMeanIsFiftyFivePercent() throws {
    var times: [Int] = []
    for seed in 0..<21 {
      var generator = SeededGenerator(seed: UInt64(seed))
      var sequence = try HedgedConfidenceSequence(alpha: 0.05)
      var time = 0
      while time < 100_000 {
        time += 1
        try sequence.observe(generator.unitDouble() < 0.55 ? 1 : 0)
        if let interval = sequence.interval, interval.lowerBound > 0.5 { break }
      }
      times.append(time)
    }
    let median = times.sorted()[10]
    print("hedged confidence sequence excludes 0.5 at data mean 0.55 after \(median) observations (median of 21 seeds)")
    #expect(median < 4_000)
  }

  @Test func widthTracksTheSpreadNotTheRange() throws {
    var sequence = try HedgedConfidenceSequence(alpha: 0.05, lower: -100, upper: 100)
    var generator = SeededGenerator(seed: 5)
    for _ in 0..<10_000 { try sequence.observe(generator.unitDouble() * 2 - 1) }
    let interval = try #require(sequence.exactInterval())
    #expect(interval.contains(0))
    #expect(interval.upperBound - interval.lowerBound < 0.2)
  }

  @Test func badInputIsRefusedWithTheValue() throws {
    #expect(throws: ProbabilityError.self) { try HedgedConfidenceSequence(alpha: 1.5) }
    #expect(throws: ProbabilityError.self) { try HedgedConfidenceSequence(alpha: 0) }
    #expect(throws: ProbabilityError.self) {
      try ClosedFormConfidenceSequence(kind: .hoeffding, alpha: 0.05, lower: 2, upper: 1)
    }
    var sequence = try HedgedConfidenceSequence(alpha: 0.05)
    try sequence.observe(0.5)
    do {
      try sequence.observe(-0.1)
      Issue.record("an observation below the range was accepted")
    } catch {
      #expect(error.message == "observation 2 is -0.1, outside [0.0, 1.0]")
    }
    #expect(throws: ProbabilityError.self) { try sequence.observe(.nan) }
  }
}
