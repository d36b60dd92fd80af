import Cards
import PokerRules

/// A trained blueprint, ready to play: the betting tree, and per (decision, bucket) the average
/// strategy as `Float`, laid out as the trainer's tables.
///
/// It remembers which card buckets it was trained on (``bucketsIdentity``); ``strategy(node:buckets:)``
/// takes buckets from the caller, who must use those.
public final class BlueprintPolicy: @unchecked Sendable {
  public let tree: BlueprintTree
  /// The bet menu (no-limit), as written.
  public let menu: BetMenuText?
  /// The identity of the card buckets it was trained on.
  public let bucketsIdentity: String
  public let bucketCounts: [Int]
  /// Deals it was trained on.
  public let iterations: Int
  public let settings: BlueprintSettings
  /// Where the card abstraction it was trained on was (an absolute path, written into the file
  /// so that a bot finds the buckets again); nil for lossless buckets or when not known.
  public var abstractionPath: String?
  let probabilities: [Float]
  let roundBase: [Int]

  init(
    tree: BlueprintTree, menu: BetMenuText?, bucketsIdentity: String, bucketCounts: [Int], iterations: Int,
    settings: BlueprintSettings, probabilities: [Float]
  ) {
    self.tree = tree
    self.menu = menu
    self.bucketsIdentity = bucketsIdentity
    self.bucketCounts = bucketCounts
    self.iterations = iterations
    self.settings = settings
    self.probabilities = probabilities
    roundBase = tree.layout(bucketCounts: bucketCounts).roundBase
  }

  /// The number of strategy entries.
  public var slotCount: Int { probabilities.count }

  /// The strategy at a decision node for a bucket of its round: one probability per action.
  public func strategy(node: Int, bucket: Int) -> [Double] {
    let start = entry(node: node, bucket: bucket)
    return (0..<Int(tree.nodes[node].childCount)).map { Double(probabilities[start + $0]) }
  }

  /// Where the strategy of a decision node for a bucket starts in the table (one entry per
  /// action follows).
  @inline(__always) func entry(node: Int, bucket: Int) -> Int {
    let entry = tree.nodes[node]
    let round = Int(entry.round)
    return roundBase[round] + bucket * tree.roundActions[round] + Int(entry.actionOffset)
  }

  /// Refuses card buckets other than those trained on, naming both.
  public func check(buckets: any CardBuckets) throws(SolverError) {
    guard buckets.identity == bucketsIdentity, buckets.bucketCounts == bucketCounts else {
      throw SolverError(
        .badParameter,
        "the blueprint was trained on card buckets \(bucketsIdentity) (\(bucketCounts.map(String.init).joined(separator: "-"))), not \(buckets.identity)"
      )
    }
  }
}

extension BlueprintTrainer {
  /// The average strategy so far, normalised (uniform where nothing was summed).
  public func policy(menu: BetMenuText?) -> BlueprintPolicy {
    var probabilities = [Float](repeating: 0, count: slotCount)
    for (index, node) in tree.nodes.enumerated() where node.isDecision {
      let round = Int(node.round)
      let count = Int(node.childCount)
      for bucket in 0..<cardBuckets.bucketCounts[round] {
        let start = slot(node: index, bucket: bucket)
        var total: Float = 0
        for a in 0..<count { total += sums[start + a] }
        for a in 0..<count { probabilities[start + a] = total > 0 ? sums[start + a] / total : 1 / Float(count) }
      }
    }
    return BlueprintPolicy(
      tree: tree, menu: menu, bucketsIdentity: cardBuckets.identity, bucketCounts: cardBuckets.bucketCounts,
      iterations: iterations, settings: settings, probabilities: probabilities)
  }
}
