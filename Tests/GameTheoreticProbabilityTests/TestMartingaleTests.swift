import GameTheoreticProbability
import Randomness
import Testing

@Suite struct TestMartingaleTests {
  enum Strategy: String, CaseIterable, Sendable {
    case fixed, plugIn, aGRAPA, grapa, kt, mixture

    func bettor() -> any Bettor {
      switch self {
      case .fixed: FixedFractionBettor(0.2)
      case .plugIn: PlugInBettor(alpha: 0.05)
      case .aGRAPA: AGRAPABettor()
      case .grapa: GRAPABettor()
      case .kt: KTBettor()
      case .mixture: MixtureBettor(mean: 0.5)
      }
    }
  }

  /// The share of paths whose capital ever reaches 1/α, and the capitals at the end.
  func simulate(_ strategy: Strategy, paths: Int, steps: Int, heads: Double, seed: UInt64) -> Double {
    var generator = SeededGenerator(seed: seed)
    var crossed = 0
    for _ in 0..<paths {
      var martingale = try! TestMartingale(mean: 0.5, bettor: AnyBettor(strategy.bettor()))
      for _ in 0..<steps {
        try! martingale.observe(generator.unitDouble() < heads ? 1 : 0)
        if martingale.hasRejected(alpha: 0.05) { break }
      }
      if martingale.hasRejected(alpha: 0.05) { crossed += 1 }
    }
    return Double(crossed) / Double(paths)
  }

  /// Ville: under the claim, at most α of paths ever reach 1/α = 20 (plus three standard errors
  /// of the simulation, 0.0065 for 10,000 paths).
  @Test(arguments: Strategy.allCases)
  func villesBoundHoldsUnderTheClaim(strategy: Strategy) {
    let rate = simulate(strategy, paths: 10_000, steps: 1_000, heads: 0.5, seed: 2026)
    print("Ville: \(strategy) crossed 20 on \(rate * 100)% of null paths")
    #expect(rate <= 0.05 + 0.0065)
  }

  @Test(arguments: [Strategy.plugIn, .aGRAPA, .grapa, .kt, .mixture])
  func bettorsFindAFalseClaim(strategy: Strategy) {
    let rate = simulate(strategy, paths: 500, steps: 1_000, heads: 0.6, seed: 7)
    #expect(rate > 0.8, "\(strategy) rejected only \(rate) of paths with mean 0.6")
  }

  @Test func capitalStaysFiniteOverAMillionRounds() throws {
    var martingale = try TestMartingale(mean: 0.5, bettor: FixedFractionBettor(0.5))
    for i in 0..<1_000_000 { try martingale.observe(i % 3 == 0 ? 0 : 1) }
    #expect(martingale.logCapital.isFinite && martingale.logCapital > 1_000)
    var losing = try TestMartingale(mean: 0.5, bettor: FixedFractionBettor(0.5))
    for _ in 0..<1_000_000 { try losing.observe(0) }
    #expect(losing.logCapital.isFinite && losing.logCapital < -100_000)
  }

  @Test func badInputIsRefusedWithTheReason() throws {
    var martingale = try TestMartingale(mean: 0.5, bettor: KTBettor())
    #expect(throws: ProbabilityError.self) { try martingale.observe(.nan) }
    #expect(throws: ProbabilityError.self) { try martingale.observe(1.5) }
    #expect(throws: ProbabilityError.self) { try TestMartingale(mean: 1, bettor: KTBettor()) }
    #expect(throws: ProbabilityError.self) { try TestMartingale(mean: 0.5, lower: 1, upper: 0, bettor: KTBettor()) }
    do {
      try martingale.observe(2)
    } catch {
      #expect(error.message == "observation 1 is 2.0, outside [0.0, 1.0]")
    }
  }

  @Test func rescaledOutcomesAreTestedOnTheirOwnScale() throws {
    var martingale = try TestMartingale(mean: 0, lower: -10, upper: 10, bettor: AGRAPABettor())
    for i in 0..<2_000 { try martingale.observe(i % 2 == 0 ? 8 : -4) }
    #expect(martingale.hasRejected(alpha: 0.05))
  }
}

/// Wraps any bettor so tests can pick strategies at run time.
struct AnyBettor: Bettor {
  var base: any Bettor
  init(_ base: any Bettor) { self.base = base }
  func fraction(against mean: Double) -> Double { base.fraction(against: mean) }
  mutating func observe(_ x: Double) { base.observe(x) }
}
