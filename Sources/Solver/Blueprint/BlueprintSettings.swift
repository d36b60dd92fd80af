/// How the blueprint trainer runs: external-sampling MCCFR with linear discounting and
/// regret-based pruning.
public struct BlueprintSettings: Sendable, Hashable, Codable {
  /// The batch for tables of `slots` entries: 1,024 deals for large tables (hold'em), where two
  /// threads then meet twice a batch rarely enough to run ≥ 1.9× one, and the tables are so
  /// large that a batch's staleness does not slow convergence (short-holdem's exploitability
  /// after 10 M deals is the same for 64 and 1,024); 64 for small games (Leduc converges half as
  /// fast with 1,024).
  public static func batch(forSlots slots: Int) -> Int { slots >= 1 << 20 ? 1024 : 64 }

  /// ``batch(forSlots:)`` for the tables of `tree` over buckets of these counts.
  public static func batch(tree: BlueprintTree, bucketCounts: [Int]) -> Int {
    batch(forSlots: tree.layout(bucketCounts: bucketCounts).total)
  }

  /// The seed: deal `i` is drawn from substream `i` of it.
  public var seed: UInt64 = 1
  /// Deals walked against the same tables before their updates are merged (in deal order).
  /// Fixed apart from the thread count, so any number of threads gives the same bits. See
  /// ``batch(forSlots:)`` for the command line's choice.
  public var batch: Int = 64
  /// Threads walking a batch's deals and merging their updates.
  public var threads: Int = 1
  /// Every this many deals, regrets and strategy sums are scaled by k / (k + 1) (the k-th
  /// time), which weighs each stretch of deals by its number: linear CFR.
  public var discountInterval: Int = 100_000
  /// From this many deals on, most walks skip the traverser's actions whose regret is below
  /// ``pruneThreshold`` (never on the last round or into a terminal).
  public var pruneAfter: Int = 2_000_000
  /// The share of walks that prune once pruning has begun.
  public var pruneProbability: Double = 0.95
  /// Regret below which an action is skipped when pruning (chips).
  public var pruneThreshold: Float = -30_000
  /// Regrets are kept at or above this floor, so pruned actions can come back.
  public var regretFloor: Float = -31_000

  public init() {}

  /// Files record everything but the thread count, which changes nothing in the result (so the
  /// same seed gives the same file bytes for any thread count).
  enum CodingKeys: String, CodingKey {
    case seed, batch, discountInterval, pruneAfter, pruneProbability, pruneThreshold, regretFloor
  }

  /// Checks the settings, naming the first one out of range.
  public func validate() throws(SolverError) {
    guard batch >= 1 else { throw SolverError(.badParameter, "the batch must be at least 1 deal, not \(batch)") }
    guard threads >= 1 && threads <= 256 else {
      throw SolverError(.badParameter, "threads must be 1 to 256, not \(threads)")
    }
    guard discountInterval >= 1 else {
      throw SolverError(.badParameter, "the discount interval must be at least 1 deal, not \(discountInterval)")
    }
    guard pruneAfter >= 0, (0...1).contains(pruneProbability) else {
      throw SolverError(.badParameter, "pruning needs a start ≥ 0 and a probability in [0, 1]")
    }
    guard regretFloor <= pruneThreshold && pruneThreshold <= 0 else {
      throw SolverError(.badParameter, "the regret floor must be at or below the pruning threshold, and both ≤ 0")
    }
  }
}
