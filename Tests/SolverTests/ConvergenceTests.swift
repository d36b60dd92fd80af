import PokerRules
import Solver
import Testing

/// Exploitability after T iterations against OpenSpiel's published trajectory.
///
/// Our conventions are OpenSpiel's (alternating updates, iteration counted from 1, discounting
/// right after each player's walk), and the trajectories agree to about ten digits through
/// T = 100. Later they drift apart: regret matching is discontinuous where a regret crosses zero,
/// so rounding differences of 1e-17 (sums taken over hands here, over histories there) flip
/// discrete choices and grow. Our own float and double runs differ by 7% at T = 10,000 for the
/// same reason, and so does OpenSpiel: one regret nudged by a relative 1e-15 after its first
/// CFR+ iteration moves its own T = 1000 value from 0.0002572 to 0.0002357, 8.4%
/// (`scripts/openspiel-cfr-sensitivity.py`; table in the README). The tolerances below say how
/// far each row can be trusted.
@Suite struct ConvergenceTests {
  let kuhn = try! CompiledGame.compile(BundledGame.kuhn.definition)
  let leduc = try! CompiledGame.compile(BundledGame.leduc.definition)

  @Test func compiledSizesMatchTheGame() {
    #expect(kuhn.informationSetCounts == [6, 6])
    #expect(kuhn.informationSetActionCounts == [12, 12])
    #expect(leduc.informationSetCounts == [468, 468])
    #expect(leduc.informationSetActionCounts == [1_092, 1_092])
  }

  @Test func uniformPolicyExploitability() {
    let kuhnResult = BestResponse(game: kuhn).evaluate(.uniform(kuhn))
    #expect(abs(kuhnResult.exploitability - 0.458333) < 1e-6)
    #expect(abs(kuhnResult.policyValues[0] - 0.125) < 1e-12)
    #expect(abs(kuhnResult.bestResponseValues[0] - 0.375 - 0.125) < 1e-6)
    #expect(abs(kuhnResult.bestResponseValues[1] - 0.541667 + 0.125) < 1e-6)
    let leducResult = BestResponse(game: leduc).evaluate(.uniform(leduc))
    #expect(abs(leducResult.exploitability - 2.373611) < 1e-6)
    #expect(abs(leducResult.nashConv - 4.747222) < 1e-6)
    #expect(abs(leducResult.policyValues[0] - -0.078125) < 1e-12)
  }

  func run(_ game: CompiledGame, _ algorithm: Algorithm, _ iterations: Int) -> Exploitability {
    let solver = CFRSolver(game: game, settings: SolverSettings(algorithm: algorithm, precision: .double))
    solver.iterate(iterations)
    return BestResponse(game: game).evaluate(solver.averagePolicy())
  }

  @Test(arguments: [
    (Algorithm.cfr, 10, 0.8886, 0.001), (.cfr, 100, 0.09572, 0.001), (.cfr, 1000, 0.01182, 0.01),
    (.cfr, 10_000, 0.002042, 0.1),
    (.cfrPlus, 10, 0.6104, 0.001), (.cfrPlus, 100, 0.01342, 0.001), (.cfrPlus, 1000, 0.000257, 0.03),
    (.cfrPlus, 10_000, 0.00000646, 0.5),
    (.linear, 10, 0.7211, 0.001), (.linear, 100, 0.03449, 0.001), (.linear, 1000, 0.004826, 0.15),
    (.dcfr, 10, 0.7788, 0.001), (.dcfr, 100, 0.007753, 0.005), (.dcfr, 1000, 0.0001435, 0.15),
    (.predictivePlus, 10, 0.5368, 0.001), (.predictivePlus, 100, 0.01980, 0.001),
  ])
  func leducAgainstOpenSpiel(algorithm: Algorithm, iterations: Int, expected: Double, tolerance: Double) {
    let value = run(leduc, algorithm, iterations).exploitability
    #expect(abs(value / expected - 1) < tolerance, "\(algorithm) T=\(iterations): \(value) vs \(expected)")
  }

  @Test func leducValueAfterConvergence() {
    let result = run(leduc, .dcfr, 5_000)
    #expect(result.exploitability < 1e-4)
    #expect(abs(result.policyValues[0] - -0.0856064) < 1e-3)
    #expect(abs(result.policyValues[0] + result.policyValues[1]) < 1e-12)
  }

  @Test(arguments: [
    (Algorithm.cfr, 10, 0.06870), (.cfr, 100, 0.008226), (.cfr, 1000, 0.000938),
    (.cfrPlus, 10, 0.03269), (.cfrPlus, 100, 0.001194), (.cfrPlus, 1000, 0.0000874),
    (.dcfr, 10, 0.02278), (.dcfr, 100, 0.001666), (.dcfr, 1000, 0.000147),
    (.predictivePlus, 10, 0.02021), (.predictivePlus, 100, 0.0000232),
  ])
  func kuhnAgainstOpenSpiel(algorithm: Algorithm, iterations: Int, expected: Double) {
    let value = run(kuhn, algorithm, iterations).exploitability
    #expect(abs(value / expected - 1) < 0.01, "\(algorithm) T=\(iterations): \(value) vs \(expected)")
  }

  @Test(arguments: [Algorithm.cfr, .cfrPlus, .linear, .dcfr, .predictivePlus])
  func kuhnConvergesToItsValue(algorithm: Algorithm) {
    for precision in SolverSettings.Precision.allCases {
      let solver = CFRSolver(game: kuhn, settings: SolverSettings(algorithm: algorithm, precision: precision))
      solver.iterate(2_000)
      let result = BestResponse(game: kuhn).evaluate(solver.averagePolicy())
      #expect(result.exploitability < 1e-3, "\(algorithm) \(precision)")
      #expect(abs(result.policyValues[0] - -1.0 / 18) < 1e-3)
    }
  }

  @Test func simultaneousUpdatesAlsoConverge() {
    let solver = CFRSolver(game: leduc, settings: SolverSettings(algorithm: .cfrPlus, alternatingUpdates: false))
    solver.iterate(1_000)
    #expect(BestResponse(game: leduc).exploitability(solver.averagePolicy()) < 0.01)
  }

  @Test func threePlayerKuhnSolvesAndItsExploitabilityFalls() throws {
    let game = try CompiledGame.compile(BundledGame.kuhn3p.definition)
    #expect(game.informationSetCounts.reduce(0, +) == 48)
    let uniform = BestResponse(game: game).evaluate(.uniform(game))
    #expect(abs(uniform.policyValues.reduce(0, +)) < 1e-12)
    let solver = CFRSolver(game: game, settings: SolverSettings(algorithm: .cfr))
    solver.iterate(1_000)
    #expect(BestResponse(game: game).exploitability(solver.averagePolicy()) < uniform.exploitability / 10)
  }

  @Test func singlePrecisionUsesEightBytesPerInformationSetAction() {
    #expect(CFRSolver(game: leduc, settings: SolverSettings(algorithm: .cfrPlus)).bytesPerSlot == 8)
    #expect(CFRSolver(game: leduc, settings: SolverSettings(algorithm: .dcfr)).bytesPerSlot == 8)
    #expect(CFRSolver(game: leduc, settings: SolverSettings(algorithm: .predictivePlus)).bytesPerSlot == 12)
  }
}

@Suite struct ThreadTests {
  @Test(arguments: [Algorithm.cfr, .cfrPlus, .dcfr, .predictivePlus])
  func twoThreadsGiveTheSameBitsAsOne(algorithm: Algorithm) throws {
    let leduc = try CompiledGame.compile(BundledGame.leduc.definition)
    let single = CFRSolver(game: leduc, settings: SolverSettings(algorithm: algorithm))
    // Threshold 0: every chance node is split, the most demanding case.
    let split = CFRSolver(game: leduc, settings: SolverSettings(algorithm: algorithm, threads: 2, parallelThreshold: 0))
    single.iterate(60)
    split.iterate(60)
    #expect(single.checkpointData() == split.checkpointData())
  }
}
