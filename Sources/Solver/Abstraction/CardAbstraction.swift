import Cards
import Foundation

/// A hold'em card abstraction: every canonical hand of every round (hole cards and the board as
/// one set, ``HandIndexer``) mapped to a bucket. The preflop is lossless (the 169 classes), the
/// flop and turn are distribution-aware (``StrengthHistograms``, ``EMDKMeans``), the river is
/// opponent-cluster hand strength (``RiverFeatures``, ``KMeans``). Built by
/// ``build(_:progress:)``, saved by ``write(to:)``, and read back memory-mapped by
/// ``init(contentsOf:verify:)``.
///
/// ```swift
/// let abstraction = try CardAbstraction(contentsOf: "quick.abstraction")
/// try abstraction.bucket(hole: Card.parseList("As Kd"), board: Card.parseList("Qh Jh 2c"))
/// ```
public final class CardAbstraction: @unchecked Sendable {
  /// Buckets per round.
  public let sizes: AbstractionSizes
  /// How it was built (JSON text).
  public let header: String
  /// The indexer of each round: `[2]`, `[2, 3]`, `[2, 4]`, `[2, 5]`.
  public let indexers: [HandIndexer]
  /// Each round's buckets, one per canonical hand.
  let tables: [UnsafePointer<UInt16>]
  /// What keeps the tables alive: the mapped file, or buffers this object frees.
  let mapped: MappedFile?
  let owned: [UnsafeMutablePointer<UInt16>]
  /// The checksum stored at the end of the file it was read from (nil when built in memory).
  public let fileChecksum: UInt64?

  static func makeIndexers() -> [HandIndexer] {
    [
      try! HandIndexer(rounds: [2]), try! HandIndexer(rounds: [2, 3]), try! HandIndexer(rounds: [2, 4]),
      try! HandIndexer(rounds: [2, 5]),
    ]
  }

  /// An abstraction over buffers it now owns (one per round, ``AbstractionSizes/canonicalHands``
  /// long).
  init(sizes: AbstractionSizes, header: String, owning buffers: [UnsafeMutablePointer<UInt16>]) {
    self.sizes = sizes
    self.header = header
    indexers = Self.makeIndexers()
    owned = buffers
    tables = buffers.map { UnsafePointer($0) }
    mapped = nil
    fileChecksum = nil
  }

  init(
    sizes: AbstractionSizes, header: String, mapped: MappedFile, tables: [UnsafePointer<UInt16>], checksum: UInt64
  ) {
    self.sizes = sizes
    self.header = header
    indexers = Self.makeIndexers()
    owned = []
    self.tables = tables
    self.mapped = mapped
    fileChecksum = checksum
  }

  /// An abstraction from each round's buckets (``AbstractionSizes/canonicalHands`` of them,
  /// each below the round's size).
  ///
  /// - Throws: ``SolverError`` (`badParameter`) naming the round whose count or bucket is wrong.
  public convenience init(sizes: AbstractionSizes, header: String, buckets: [[UInt16]]) throws(SolverError) {
    guard buckets.count == 4 else {
      throw SolverError(.badParameter, "card abstraction: four rounds of buckets, not \(buckets.count)")
    }
    for (round, table) in buckets.enumerated() {
      guard table.count == AbstractionSizes.canonicalHands[round] else {
        throw SolverError(
          .badParameter,
          "card abstraction: round \(round) has \(table.count) buckets, one per canonical hand (\(AbstractionSizes.canonicalHands[round])) expected"
        )
      }
      if let bad = table.firstIndex(where: { Int($0) >= sizes.buckets[round] }) {
        throw SolverError(
          .badParameter,
          "card abstraction: round \(round), hand \(bad): bucket \(table[bad]), but the round has \(sizes.buckets[round])"
        )
      }
    }
    let buffers = buckets.map { table in
      let buffer = UnsafeMutablePointer<UInt16>.allocate(capacity: table.count)
      _ = UnsafeMutableBufferPointer(start: buffer, count: table.count).initialize(from: table)
      return buffer
    }
    self.init(sizes: sizes, header: header, owning: buffers)
  }

  deinit { for buffer in owned { buffer.deallocate() } }

  /// Hands per bucket in `round`.
  public func occupancy(round: Int) -> [Int] {
    var counts = [Int](repeating: 0, count: sizes.buckets[round])
    let table = tables[round]
    for i in 0..<AbstractionSizes.canonicalHands[round] { counts[Int(UInt16(littleEndian: table[i]))] += 1 }
    return counts
  }

  /// The bucket of canonical hand `index` in `round` (0 preflop … 3 river).
  @inline(__always)
  public func bucket(round: Int, index: Int) -> Int { Int(UInt16(littleEndian: tables[round][index])) }

  /// The bucket of a hand: two hole cards and a board of 0, 3, 4 or 5 cards.
  ///
  /// - Throws: ``SolverError`` (`badParameter`) for a card count that ends no round or a repeated
  ///   card.
  public func bucket(hole: [Card], board: [Card]) throws(SolverError) -> Int {
    guard hole.count == 2, let round = [0: 0, 3: 1, 4: 2, 5: 3][board.count] else {
      throw SolverError(
        .badParameter, "a hand is two hole cards and 0, 3, 4 or 5 board cards, not \(hole.count) and \(board.count)")
    }
    do {
      return bucket(round: round, index: try indexers[round].index(of: hole + board))
    } catch {
      throw SolverError(.badParameter, "\((hole + board).map(\.description).joined(separator: " ")): \(error)")
    }
  }
}
