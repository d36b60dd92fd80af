import Dispatch

/// Runs a solver until a stop condition, evaluating exploitability on a schedule and writing
/// checkpoints, and reports progress to a callback.
public final class Trainer {
  /// When to stop, evaluate and checkpoint.
  public struct Options: Sendable {
    /// Stop after this many iterations in all (counting those before a resume).
    public var iterations: Int
    /// Evaluate exploitability every this many iterations (and at the end).
    public var evaluateEvery: Int
    /// Stop after this many seconds of this run.
    public var timeLimit: Double?
    /// Stop once an evaluation finds exploitability at or below this.
    public var targetExploitability: Double?
    /// Where to write checkpoints, and how often (seconds, or iterations).
    public var checkpointPath: String?
    public var checkpointSeconds: Double?
    public var checkpointIterations: Int?
    /// Recorded in checkpoints.
    public var run: [String: String] = [:]

    public init(iterations: Int, evaluateEvery: Int) {
      self.iterations = iterations
      self.evaluateEvery = max(1, evaluateEvery)
    }
  }

  /// One evaluation.
  public struct CurvePoint: Codable, Sendable, Hashable {
    public var iteration: Int
    public var seconds: Double
    public var exploitability: Double
  }

  /// What progress callbacks see.
  public struct Progress: Sendable {
    public var iteration: Int
    public var target: Int
    public var seconds: Double
    public var iterationsPerSecond: Double
    public var latestExploitability: Double?
    /// True on the call made right after an evaluation.
    public var evaluated: Bool
  }

  /// Why training stopped.
  public enum Stop: String, Sendable, Codable {
    case iterations
    case timeLimit = "time limit"
    case target = "target exploitability"
  }

  public let solver: any IterativeSolver
  public let options: Options
  public private(set) var curve: [CurvePoint] = []
  /// The average strategy where training stopped and its exact best-response evaluation: the
  /// last point of the curve, computed once; nil before ``run(progress:)`` returns.
  public private(set) var final: (policy: Policy, evaluation: Exploitability)?

  public init(solver: any IterativeSolver, options: Options) {
    self.solver = solver
    self.options = options
  }

  /// Trains; calls `progress` about ten times a second and after each evaluation.
  public func run(progress: (Progress) -> Void) throws(SolverError) -> Stop {
    let start = DispatchTime.now().uptimeNanoseconds
    let startIteration = solver.iteration
    func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    var lastReport = 0.0
    var lastCheckpoint = 0.0
    var lastCheckpointIteration = solver.iteration
    var latest: Double?
    let bestResponse = BestResponse(game: solver.game)
    var stop = Stop.iterations
    var last: (policy: Policy, evaluation: Exploitability)?
    func evaluate() {
      let policy = solver.averagePolicy()
      let evaluation = bestResponse.evaluate(policy)
      last = (policy, evaluation)
      latest = evaluation.exploitability
      curve.append(
        CurvePoint(iteration: solver.iteration, seconds: seconds(), exploitability: evaluation.exploitability))
    }
    func report(_ evaluated: Bool) {
      let elapsed = seconds()
      let done = solver.iteration - startIteration
      progress(
        Progress(
          iteration: solver.iteration, target: options.iterations, seconds: elapsed,
          iterationsPerSecond: elapsed > 0 ? Double(done) / elapsed : 0, latestExploitability: latest,
          evaluated: evaluated))
    }
    while solver.iteration < options.iterations {
      let untilEvaluation = options.evaluateEvery - solver.iteration % options.evaluateEvery
      let batch = min(
        untilEvaluation, options.iterations - solver.iteration, max(1, options.checkpointIterations ?? Int.max))
      // Run in small slices so time limits, progress and checkpoints stay responsive.
      var remaining = batch
      while remaining > 0 {
        let slice = min(remaining, 64)
        solver.iterate(slice)
        remaining -= slice
        let now = seconds()
        if now - lastReport > 0.1 {
          lastReport = now
          report(false)
        }
        if let limit = options.timeLimit, now >= limit { break }
      }
      let now = seconds()
      if let path = options.checkpointPath {
        let dueByTime = options.checkpointSeconds.map { now - lastCheckpoint >= $0 } ?? false
        let dueByCount = options.checkpointIterations.map { solver.iteration - lastCheckpointIteration >= $0 } ?? false
        if dueByTime || dueByCount {
          try solver.writeCheckpoint(to: path, run: options.run)
          lastCheckpoint = now
          lastCheckpointIteration = solver.iteration
        }
      }
      if solver.iteration % options.evaluateEvery == 0 || solver.iteration == options.iterations {
        evaluate()
        report(true)
        if let target = options.targetExploitability, latest! <= target {
          stop = .target
          break
        }
      }
      if let limit = options.timeLimit, seconds() >= limit {
        stop = .timeLimit
        break
      }
    }
    if curve.last?.iteration != solver.iteration {
      evaluate()
      report(true)
    }
    final = last
    if let path = options.checkpointPath { try solver.writeCheckpoint(to: path, run: options.run) }
    return stop
  }
}
