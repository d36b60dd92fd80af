import Dispatch
import Foundation
import PokerRules
import Solver

/// Times the blueprint trainer: deals walked per second on a game, for each thread count, with
/// pruning off (the start of training) and on (after `pruneAfter` deals).
public struct BlueprintBenchmark: Sendable {
  /// One measurement.
  public struct Row: Codable, Sendable {
    public var threads: Int
    public var pruning: Bool
    public var deals: Int
    public var seconds: Double
    public var dealsPerSecond: Double
  }

  /// Seconds per measurement.
  public var seconds = 10.0
  public var threadCounts = [1, 2]
  /// Deals per batch.
  public var batch = BlueprintSettings().batch

  public init() {}

  /// Measures every thread count, pruning off then on. The thread counts take turns, a second
  /// at a time, so that the machine's speed drifting (shared machines drift by tens of per cent
  /// within a minute) moves them alike and their ratio holds.
  public func run(
    tree: BlueprintTree, buckets: any CardBuckets, report: (Row) -> Void = { _ in }
  ) throws(SolverError) -> [Row] {
    var rows: [Row] = []
    for pruning in [false, true] {
      var trainers: [BlueprintTrainer] = []
      for threads in threadCounts {
        var settings = BlueprintSettings()
        settings.threads = threads
        settings.batch = batch
        settings.pruneAfter = pruning ? 0 : Int.max
        let trainer = try BlueprintTrainer(tree: tree, buckets: buckets, settings: settings)
        // A warm-up, so the tables' pages are touched and regrets are not all zero.
        trainer.run(settings.batch * 20)
        trainers.append(trainer)
      }
      var deals = [Int](repeating: 0, count: trainers.count)
      var spent = [Double](repeating: 0, count: trainers.count)
      while spent.min()! < seconds {
        for (i, trainer) in trainers.enumerated() {
          let before = trainer.iterations
          let start = DispatchTime.now().uptimeNanoseconds
          var elapsed = 0.0
          while elapsed < min(1, seconds) {
            trainer.run(batch * 8)
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
          }
          deals[i] += trainer.iterations - before
          spent[i] += elapsed
        }
      }
      for (i, threads) in threadCounts.enumerated() {
        let row = Row(
          threads: threads, pruning: pruning, deals: deals[i], seconds: spent[i],
          dealsPerSecond: Double(deals[i]) / spent[i])
        report(row)
        rows.append(row)
      }
    }
    return rows
  }
}
