import Dispatch
import PokerRules
import Solver

/// Times the solver on Leduc: iterations per second, time to a target exploitability from a cold
/// start, one exact exploitability, and the memory each algorithm needs.
public struct SolverBenchmark: Sendable {
  /// What one run measured.
  public struct Result: Codable, Sendable {
    public struct AlgorithmFigures: Codable, Sendable {
      public var algorithm: String
      public var microsecondsPerIteration: Double
      public var bytesPerInformationSetAction: Int
      public var exploitabilityAfterRun: Double
    }
    public var game = "leduc"
    public var algorithms: [AlgorithmFigures]
    /// Wall time from nothing (compile included) to exploitability ≤ 1e-4 with CFR+ and DCFR.
    public var millisecondsToOneInTenThousand: [String: Double]
    /// Median of one exact exploitability (both best responses and the policy's values).
    public var exactExploitabilityMilliseconds: Double
    public var informationSetActions: Int
    /// Monte Carlo CFR iterations per second (one sampled traversal per player each).
    public var externalSamplingIterationsPerSecond: Double
    public var outcomeSamplingIterationsPerSecond: Double
    /// The history solver (OpenSpiel's order of operations) with CFR+: µs per iteration.
    public var historySolverMicrosecondsPerIteration: Double
  }

  public var iterations = 2_000

  public init() {}

  static func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  public func run() throws -> Result {
    let definition = BundledGame.leduc.definition
    let game = try CompiledGame.compile(definition)
    var figures: [Result.AlgorithmFigures] = []
    for algorithm in [Algorithm.cfr, .cfrPlus, .linear, .dcfr, .predictivePlus] {
      let solver = CFRSolver(game: game, settings: SolverSettings(algorithm: algorithm))
      solver.iterate(20)
      let elapsed = SolverBenchmark.seconds { solver.iterate(iterations) }
      figures.append(
        .init(
          algorithm: algorithm.description, microsecondsPerIteration: elapsed / Double(iterations) * 1e6,
          bytesPerInformationSetAction: solver.bytesPerSlot,
          exploitabilityAfterRun: BestResponse(game: game).exploitability(solver.averagePolicy())))
    }
    var toTarget: [String: Double] = [:]
    for algorithm in [Algorithm.cfrPlus, .dcfr] {
      toTarget[algorithm.description] =
        SolverBenchmark.seconds {
          let cold = try! CompiledGame.compile(definition)
          let solver = CFRSolver(game: cold, settings: SolverSettings(algorithm: algorithm))
          let bestResponse = BestResponse(game: cold)
          repeat {
            solver.iterate(100)
          } while bestResponse.exploitability(solver.averagePolicy()) > 1e-4 && solver.iteration < 100_000
        } * 1000
    }
    let solver = CFRSolver(game: game, settings: SolverSettings(algorithm: .cfrPlus))
    solver.iterate(100)
    let policy = solver.averagePolicy()
    let bestResponse = BestResponse(game: game)
    let runs = (0..<21).map { _ in SolverBenchmark.seconds { _ = bestResponse.evaluate(policy) } }.sorted()
    var samplingRates: [Double] = []
    for sampling in [MonteCarloCFR.Sampling.external, .outcome(exploration: 0.6)] {
      let sampler = MonteCarloCFR(game: game, sampling: sampling, seed: 1)
      sampler.iterate(10_000)
      let count = 500_000
      samplingRates.append(Double(count) / SolverBenchmark.seconds { sampler.iterate(count) })
    }
    let history = try HistoryCFR(game: game, algorithm: .cfrPlus)
    history.iterate(5)
    let historyIterations = 100
    let historySeconds = SolverBenchmark.seconds { history.iterate(historyIterations) }
    return Result(
      algorithms: figures, millisecondsToOneInTenThousand: toTarget, exactExploitabilityMilliseconds: runs[10] * 1000,
      informationSetActions: game.informationSetActionCounts.reduce(0, +),
      externalSamplingIterationsPerSecond: samplingRates[0], outcomeSamplingIterationsPerSecond: samplingRates[1],
      historySolverMicrosecondsPerIteration: historySeconds / Double(historyIterations) * 1e6)
  }
}
