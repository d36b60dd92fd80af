import Dispatch
import Foundation
import Randomness

/// External-sampling MCCFR on a blueprint's abstract game, in memory fixed at the start.
///
/// Each deal is drawn from its own substream of the seed and walked once per player: every
/// action at the traverser's decisions, one sampled action (from the current strategy) at the
/// opponent's, whose strategy sum gains that strategy. Deals run in batches: every deal of a
/// batch reads the tables as they were when it began, the walks log their updates, and the logs
/// are merged in deal order. Which thread walked which deal changes nothing, so any thread count
/// gives the same bits. Regrets and strategy sums are `Float`, laid out as ``BlueprintTree``
/// describes; linear discounting and regret-based pruning follow ``BlueprintSettings``.
public final class BlueprintTrainer: @unchecked Sendable {
  public let tree: BlueprintTree
  public let cardBuckets: any CardBuckets
  public let settings: BlueprintSettings
  /// Deals walked so far.
  public internal(set) var iterations = 0
  /// Table entries (each a regret and a strategy sum).
  public let slotCount: Int
  let regrets: UnsafeMutablePointer<Float>
  let sums: UnsafeMutablePointer<Float>
  let nodes: UnsafeMutablePointer<BlueprintNode>
  let roundBase: UnsafeMutablePointer<Int>
  let roundStride: UnsafeMutablePointer<Int>
  let streams: SeededGenerator
  let depth: Int
  let maxActions: Int
  /// Threads kept for the trainer's life (nil with one thread).
  let pool: ThreadPool?

  /// The bytes a trainer for this tree and these buckets allocates: a `Float` regret and strategy
  /// sum per (decision, action, bucket), plus the nodes.
  public static func estimatedBytes(tree: BlueprintTree, buckets: any CardBuckets) -> Int {
    slots(tree: tree, buckets: buckets) * 8 + tree.nodes.count * MemoryLayout<BlueprintNode>.stride
  }

  static func slots(tree: BlueprintTree, buckets: any CardBuckets) -> Int {
    tree.layout(bucketCounts: buckets.bucketCounts).total
  }

  /// A trainer with zero regrets and sums.
  ///
  /// - Parameter maxBytes: refuse to allocate more than this (the estimate is in the message).
  /// - Throws: ``SolverError``: buckets for another number of rounds, bad settings, too large.
  public init(
    tree: BlueprintTree, buckets: any CardBuckets, settings: BlueprintSettings = BlueprintSettings(),
    maxBytes: Int = Int(Double(ProcessInfo.processInfo.physicalMemory) * 0.8)
  ) throws(SolverError) {
    try settings.validate()
    guard buckets.bucketCounts.count == tree.game.numRounds else {
      throw SolverError(
        .badParameter,
        "the card buckets have \(buckets.bucketCounts.count) rounds; the game has \(tree.game.numRounds)")
    }
    let bytes = Self.estimatedBytes(tree: tree, buckets: buckets)
    guard bytes <= maxBytes else {
      throw SolverError(
        .gameTooLarge,
        "the blueprint needs about \(bytes >> 20) MiB (\(Self.slots(tree: tree, buckets: buckets)) regrets and strategy sums); at most \(maxBytes >> 20) MiB are allowed"
      )
    }
    self.tree = tree
    cardBuckets = buckets
    self.settings = settings
    slotCount = Self.slots(tree: tree, buckets: buckets)
    regrets = .allocate(capacity: max(slotCount, 1))
    regrets.initialize(repeating: 0, count: max(slotCount, 1))
    sums = .allocate(capacity: max(slotCount, 1))
    sums.initialize(repeating: 0, count: max(slotCount, 1))
    nodes = .allocate(capacity: tree.nodes.count)
    nodes.initialize(from: tree.nodes, count: tree.nodes.count)
    let rounds = tree.game.numRounds
    roundBase = .allocate(capacity: rounds)
    roundStride = .allocate(capacity: rounds)
    let bases = tree.layout(bucketCounts: buckets.bucketCounts).roundBase
    for round in 0..<rounds {
      roundBase[round] = bases[round]
      roundStride[round] = tree.roundActions[round]
    }
    streams = SeededGenerator(seed: settings.seed)
    maxActions = Int(tree.nodes.map(\.childCount).max() ?? 1)
    depth = BlueprintTrainer.treeDepth(tree)
    pool = settings.threads > 1 ? ThreadPool(threads: settings.threads) : nil
  }

  deinit {
    pool?.stop()
    regrets.deallocate()
    sums.deallocate()
    nodes.deallocate()
    roundBase.deallocate()
    roundStride.deallocate()
  }

  static func treeDepth(_ tree: BlueprintTree) -> Int {
    var depth = [Int](repeating: 0, count: tree.nodes.count)
    var deepest = 0
    for (index, node) in tree.nodes.enumerated() where node.isDecision {
      for a in 0..<Int(node.childCount) {
        depth[Int(node.firstChild) + a] = depth[index] + 1
        deepest = max(deepest, depth[index] + 1)
      }
    }
    return deepest
  }

  /// The slot of a decision's first action for a bucket.
  public func slot(node: Int, bucket: Int) -> Int {
    let entry = tree.nodes[node]
    return roundBase[Int(entry.round)] + bucket * roundStride[Int(entry.round)] + Int(entry.actionOffset)
  }

  /// The average strategy at a decision for a bucket (uniform where nothing was summed).
  public func averageStrategy(node: Int, bucket: Int) -> [Double] {
    let count = Int(tree.nodes[node].childCount)
    let start = slot(node: node, bucket: bucket)
    let values = (0..<count).map { Double(sums[start + $0]) }
    let total = values.reduce(0, +)
    return total > 0 ? values.map { $0 / total } : Array(repeating: 1 / Double(count), count: count)
  }

  /// The current (regret-matching) strategy at a decision for a bucket.
  public func currentStrategy(node: Int, bucket: Int) -> [Double] {
    let count = Int(tree.nodes[node].childCount)
    let start = slot(node: node, bucket: bucket)
    let values = (0..<count).map { max(Double(regrets[start + $0]), 0) }
    let total = values.reduce(0, +)
    return total > 0 ? values.map { $0 / total } : Array(repeating: 1 / Double(count), count: count)
  }
}

extension BlueprintTrainer {
  /// A checksum of every regret and strategy sum (their bits), to show two runs agree.
  public var tableChecksum: UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for table in [regrets, sums] {
      for i in 0..<slotCount {
        hash ^= UInt64(table[i].bitPattern)
        hash = hash &* 0x0000_0100_0000_01B3
      }
    }
    return hash
  }
}
