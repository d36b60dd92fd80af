import Foundation
import GameTheoreticProbability
import Randomness
import Testing

@Suite struct EProcessTests {
  @Test func calibratorsAndMerging() throws {
    #expect(try EValues.fromP(0.01, kappa: 0.5) == 0.5 * pow(0.01, -0.5))
    #expect(try EValues.toP(40) == 0.025)
    #expect(try EValues.toP(0.5) == 1)
    #expect(try EValues.mean([2, 4]) == 3)
    #expect(try EValues.product([2, 4]) == 8)
    #expect(throws: ProbabilityError.self) { try EValues.fromP(0) }
    #expect(throws: ProbabilityError.self) { try EValues.mean([]) }
  }

  /// Choices drawn from the stated probabilities in several contexts: Ville's bound holds; a
  /// player who deviates in one context is caught.
  func likelihoodRatioRate(deviate: Bool, paths: Int, seed: UInt64) -> Double {
    var generator = SeededGenerator(seed: seed)
    let claims: [[Double]] = [[0.5, 0.5], [0.2, 0.3, 0.5], [0.9, 0.1]]
    var rejected = 0
    for _ in 0..<paths {
      var process = CategoricalLikelihoodRatio<Int>()
      for _ in 0..<600 {
        let context = generator.uniform(below: claims.count)
        var actual = claims[context]
        if deviate && context == 0 { actual = [0.8, 0.2] }
        let u = generator.unitDouble()
        var choice = 0
        var cumulative = actual[0]
        while u >= cumulative && choice < actual.count - 1 {
          choice += 1
          cumulative += actual[choice]
        }
        try! process.observe(context: context, probabilities: claims[context], choice: choice)
      }
      if process.logMaximum >= log(20) { rejected += 1 }
    }
    return Double(rejected) / Double(paths)
  }

  @Test func likelihoodRatioKeepsVillesBoundAndCatchesADeviation() {
    #expect(likelihoodRatioRate(deviate: false, paths: 4_000, seed: 1) <= 0.05 + 0.0104)
    #expect(likelihoodRatioRate(deviate: true, paths: 300, seed: 2) > 0.9)
  }

  @Test func likelihoodRatioRefusesBadClaims() {
    var process = CategoricalLikelihoodRatio<String>()
    #expect(throws: ProbabilityError.self) { try process.observe(context: "x", probabilities: [0.5, 0.6], choice: 0) }
    #expect(throws: ProbabilityError.self) { try process.observe(context: "x", probabilities: [0.5, 0.5], choice: 2) }
  }

  @Test func universalInferenceHoldsForEveryMemberOfTheClaim() throws {
    var generator = SeededGenerator(seed: 4)
    for truth in [0.2, 0.4] {
      var rejected = 0
      for _ in 0..<2_000 {
        var process = try UniversalInferenceBernoulli(atMost: 0.4)
        var maximum = 0.0
        for _ in 0..<300 {
          process.observe(generator.unitDouble() < truth)
          maximum = max(maximum, process.logEValue)
        }
        if maximum >= log(20) { rejected += 1 }
      }
      #expect(Double(rejected) / 2_000 <= 0.05 + 0.0146)
    }
    var alternative = try UniversalInferenceBernoulli(atMost: 0.4)
    for _ in 0..<1_000 { alternative.observe(generator.unitDouble() < 0.6) }
    #expect(alternative.eValue > 1_000)
  }

  @Test func pairedComparisonFindsTheBetterPlayerAndStops() throws {
    var generator = SeededGenerator(seed: 9)
    var comparison = try PairedComparison(alpha: 0.05, range: 2)
    var stopped: PairedComparison.StoppingRule?
    while stopped == nil && comparison.count < 100_000 {
      // A wins 0.1 more per pair on average.
      let d = (generator.unitDouble() * 2 - 1) + 0.1
      try comparison.observe(difference: min(max(d, -2), 2))
      stopped = comparison.shouldStop([.decisive, .narrowerThan(0.01)])
    }
    #expect(stopped == .decisive)
    #expect(comparison.eValueABetter >= 20 && comparison.eValueBBetter < 1)
    #expect(comparison.sequence.interval!.lowerBound > -0.05)
  }

  @Test func pairedComparisonRarelyDeclaresAWinnerBetweenEquals() throws {
    var generator = SeededGenerator(seed: 10)
    var decided = 0
    for _ in 0..<1_000 {
      var comparison = try PairedComparison(alpha: 0.05, range: 1)
      for _ in 0..<500 {
        try comparison.observe(difference: generator.unitDouble() - generator.unitDouble())
        if comparison.shouldStop([.decisive]) != nil {
          decided += 1
          break
        }
      }
    }
    // Two one-sided tests at α each: at most 2α of paths under equality.
    #expect(Double(decided) / 1_000 <= 0.10 + 0.028)
  }

  @Test(arguments: [ConformalTestMartingale.Kind.power(0.5), .mixture, .jumper(0.01)])
  func conformalMartingalesStayLowOnExchangeableDataAndRiseAfterAChange(kind: ConformalTestMartingale.Kind) throws {
    var generator = SeededGenerator(seed: 12)
    var crossed = 0
    for path in 0..<1_000 {
      var martingale = try ConformalTestMartingale(kind: kind, seed: UInt64(path))
      for _ in 0..<300 { try martingale.observe(generator.unitDouble()) }
      if martingale.logMaximum >= log(20) { crossed += 1 }
    }
    #expect(Double(crossed) / 1_000 <= 0.05 + 0.021)
    var changed = try ConformalTestMartingale(kind: kind, seed: 1)
    for _ in 0..<200 { try changed.observe(generator.unitDouble()) }
    for _ in 0..<300 { try changed.observe(1 + generator.unitDouble()) }
    #expect(changed.logMaximum >= log(20), "\(kind) did not notice the change")
  }
}
