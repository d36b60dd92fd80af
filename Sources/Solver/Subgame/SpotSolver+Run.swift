import Foundation

extension SpotSolver {
  /// When a run stops.
  public struct Limits: Hashable, Sendable {
    /// Stop once exploitability is at or below this percentage of the pot.
    public var accuracy: Double
    /// Stop after this many iterations in all.
    public var iterations: Int
    /// Stop after this many seconds.
    public var seconds: Double?
    /// Measure exploitability every this many iterations (and at the end).
    public var evaluateEvery: Int

    public init(accuracy: Double, iterations: Int = 1000, seconds: Double? = nil, evaluateEvery: Int = 10) {
      self.accuracy = accuracy
      self.iterations = iterations
      self.seconds = seconds
      self.evaluateEvery = max(1, evaluateEvery)
    }
  }

  /// What a run reports as it goes.
  public struct Progress: Sendable {
    public var iteration: Int
    public var seconds: Double
    /// The latest measured evaluation, if any yet.
    public var latest: SpotEvaluation?
    /// Whether `latest` was measured at this iteration.
    public var evaluated: Bool
  }

  /// How a run ended.
  public struct RunResult: Hashable, Sendable, Codable {
    public var iterations: Int
    /// Seconds spent iterating, evaluations excluded.
    public var solveSeconds: Double
    /// Seconds in all.
    public var seconds: Double
    public var evaluation: SpotEvaluation
    /// Whether the accuracy was reached.
    public var reachedAccuracy: Bool
    /// Why the run stopped: `accuracy`, `iterations`, `time` or `interrupted`.
    public var stoppedBy: String
    /// Each measured point: iteration, solve seconds, exploitability in % of the pot.
    public var curve: [[Double]]
  }

  /// Iterates until the accuracy, the iteration limit or the time limit, measuring exploitability
  /// every ``Limits/evaluateEvery`` iterations.
  ///
  /// - Parameter progress: called after every iteration; return false to stop.
  public func run(_ limits: Limits, progress: (Progress) -> Bool = { _ in true }) -> RunResult {
    let start = DispatchTime.now().uptimeNanoseconds
    func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    var solveSeconds = 0.0
    var latest: SpotEvaluation? = nil
    var curve: [[Double]] = []
    var stoppedBy = "iterations"
    while true {
      if iteration > 0 && (iteration % limits.evaluateEvery == 0 || latest == nil) {
        let measured = evaluation()
        latest = measured
        curve.append([Double(iteration), solveSeconds, measured.exploitabilityPercentOfPot])
        if measured.exploitabilityPercentOfPot <= limits.accuracy {
          stoppedBy = "accuracy"
          break
        }
        if !progress(Progress(iteration: iteration, seconds: elapsed(), latest: latest, evaluated: true)) {
          stoppedBy = "interrupted"
          break
        }
      }
      if iteration >= limits.iterations {
        stoppedBy = "iterations"
        break
      }
      if let seconds = limits.seconds, elapsed() >= seconds {
        stoppedBy = "time"
        break
      }
      let before = DispatchTime.now().uptimeNanoseconds
      iterate()
      solveSeconds += Double(DispatchTime.now().uptimeNanoseconds - before) / 1e9
      if iteration % limits.evaluateEvery != 0,
        !progress(Progress(iteration: iteration, seconds: elapsed(), latest: latest, evaluated: false))
      {
        stoppedBy = "interrupted"
        break
      }
    }
    let final: SpotEvaluation
    if let latest, Int(curve.last?[0] ?? -1) == iteration {
      final = latest
    } else {
      final = evaluation()
      curve.append([Double(iteration), solveSeconds, final.exploitabilityPercentOfPot])
    }
    return RunResult(
      iterations: iteration, solveSeconds: solveSeconds, seconds: elapsed(), evaluation: final,
      reachedAccuracy: final.exploitabilityPercentOfPot <= limits.accuracy, stoppedBy: stoppedBy, curve: curve)
  }
}
