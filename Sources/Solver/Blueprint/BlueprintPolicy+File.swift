import Basics
import Foundation
import PokerRules

extension BlueprintPolicy {
  static let magic = "SKBLUEPR"
  static let version: UInt32 = 1

  /// Writes the policy atomically: Skeptic's binary container (magic `SKBLUEPR`), a JSON header
  /// (game, bet menu, card buckets' identity and sizes and the abstraction's path, deals,
  /// settings), and one little-endian
  /// `Float32` probability per (decision, bucket, action).
  public func write(to path: String) throws(SolverError) {
    let header = BlueprintHeader(
      format: "skeptic-blueprint", gameDefinition: tree.game.text, menu: menu, buckets: bucketsIdentity,
      bucketCounts: bucketCounts, iterations: iterations, settings: settings, slotCount: slotCount,
      run: abstractionPath.map { ["abstraction": $0] } ?? [:])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let headerData = (try? encoder.encode(header)) ?? Data()
    let body = probabilities.withUnsafeBufferPointer { Data(buffer: $0) }
    try AtomicFile.save(
      BinaryFormat.encode(magic: Self.magic, version: Self.version, header: headerData, body: body), to: path)
  }

  /// Reads a blueprint policy file.
  ///
  /// - Throws: ``SolverError`` naming the file and what is wrong: not a blueprint, another
  ///   version, truncated or corrupted, or tables that do not fit its own game and menu.
  public convenience init(contentsOf path: String) throws(SolverError) {
    let (header, body) = try BinaryFormat.read(
      path, magic: Self.magic, version: Self.version, what: "blueprint policy", header: BlueprintHeader.self)
    guard header.slotCount >= 0, body.count == header.slotCount * 4 else {
      throw SolverError(
        .badFile, "\(path): the body holds \(body.count) bytes, not the header's \(header.slotCount) Float32s")
    }
    let tree = try BlueprintTree.rebuild(header, file: path)
    let slots = tree.layout(bucketCounts: header.bucketCounts).total
    guard header.bucketCounts.count == tree.game.numRounds, slots == header.slotCount else {
      throw SolverError(.badFile, "\(path): the strategy table does not fit the game and bet menu it names")
    }
    let probabilities = body.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    self.init(
      tree: tree, menu: header.menu, bucketsIdentity: header.buckets, bucketCounts: header.bucketCounts,
      iterations: header.iterations, settings: header.settings, probabilities: probabilities)
    abstractionPath = header.run["abstraction"]
  }

  /// True when the file at `path` starts like a blueprint policy.
  public static func isBlueprint(file path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    return handle.readData(ofLength: 8) == Data(magic.utf8)
  }
}

extension BlueprintTree {
  /// The tree a blueprint file's header names, blaming the file for any fault.
  static func rebuild(_ header: BlueprintHeader, file path: String) throws(SolverError) -> BlueprintTree {
    let game: GameDefinition
    do {
      game = try GameDefinition(parsing: header.gameDefinition, source: "\(path) (game definition)")
    } catch {
      throw SolverError(.badFile, "\(path): \(error)")
    }
    do {
      let menu = try header.menu?.menu()
      // Every decision has at least one table entry, so a tree larger than this cannot fit the
      // file's tables: stop counting there (a forged header cannot make the reader walk a huge
      // tree).
      let limit = min(50_000_000, 2 * max(header.slotCount, 0) + 1)
      return try BlueprintTree(game: game, actions: menu.map { .menu($0) }, maxNodes: limit)
    } catch {
      throw SolverError(.badFile, "\(path): \(error.message)")
    }
  }
}
