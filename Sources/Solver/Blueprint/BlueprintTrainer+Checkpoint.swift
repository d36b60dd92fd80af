import Basics
import Foundation

extension BlueprintTrainer {
  static let checkpointMagic = "SKBPCKPT"

  /// Saves everything a resume needs, atomically: the header (game, menu, buckets' identity,
  /// deals done, settings, the run's notes) and the regrets and strategy sums. Deals come from
  /// per-deal substreams, so no generator state is needed.
  public func writeCheckpoint(to path: String, menu: BetMenuText?, run: [String: String]) throws(SolverError) {
    let header = BlueprintHeader(
      format: "skeptic-blueprint-checkpoint", gameDefinition: tree.game.text, menu: menu,
      buckets: cardBuckets.identity, bucketCounts: cardBuckets.bucketCounts, iterations: iterations,
      settings: settings, slotCount: slotCount, run: run)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let headerData = (try? encoder.encode(header)) ?? Data()
    var body = Data(bytes: regrets, count: slotCount * 4)
    body.append(Data(bytes: sums, count: slotCount * 4))
    try AtomicFile.save(
      BinaryFormat.encode(magic: Self.checkpointMagic, version: 1, header: headerData, body: body), to: path)
  }

  /// A trainer restored from its checkpoint, over the same card buckets (refused otherwise).
  /// `threads` may differ from the saved run's: the bits do not depend on it.
  public static func resume(
    from path: String, buckets: any CardBuckets, threads: Int
  ) throws(SolverError) -> (trainer: BlueprintTrainer, menu: BetMenuText?, run: [String: String]) {
    let (header, body) = try BinaryFormat.read(
      path, magic: checkpointMagic, version: 1, what: "blueprint checkpoint", header: BlueprintHeader.self)
    guard header.buckets == buckets.identity, header.bucketCounts == buckets.bucketCounts else {
      throw SolverError(
        .badParameter, "\(path): the checkpoint was trained on card buckets \(header.buckets), not \(buckets.identity)")
    }
    guard header.slotCount >= 0, body.count == header.slotCount * 8 else {
      throw SolverError(.badFile, "\(path): the body does not hold the header's \(header.slotCount) regrets and sums")
    }
    let tree = try BlueprintTree.rebuild(header, file: path)
    var settings = header.settings
    settings.threads = threads
    let trainer = try BlueprintTrainer(tree: tree, buckets: buckets, settings: settings)
    guard trainer.slotCount == header.slotCount, body.count == trainer.slotCount * 8 else {
      throw SolverError(.badFile, "\(path): the tables do not fit the game, menu and buckets")
    }
    BinaryFormat.copyFloatTables(body, into: [trainer.regrets, trainer.sums], count: trainer.slotCount)
    trainer.iterations = header.iterations
    return (trainer, header.menu, header.run)
  }
}
