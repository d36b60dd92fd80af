/// Ranks poker hands of one to seven cards with two table lookups at most.
///
/// A ``Hand`` keeps a sum of rank weights and per-suit counters. When a suit holds five cards or
/// more, its rank bits index a table of 8,192 flush ranks; otherwise the rank-weight sum is
/// mapped by a perfect hash (row displacement) to the rank of that multiset of ranks. The tables
/// take about 320 KB (105 KB of them the two-card keys of ``rank(sevenCardBytes:)``) and are built
/// once, on first use, in a few milliseconds.
///
/// ```swift
/// let evaluator = HandEvaluator.shared
/// let rank = evaluator.rank(of: Hand(try Card.parseList("AhKhQhJhTh 2c 3d")))
/// rank.category  // .straightFlush
/// ```
///
/// For hot loops, take ``shared`` into a local once and add precomputed single-card hands.
public struct HandEvaluator: @unchecked Sendable {
  // The tables live for the whole process (see `HandEvaluatorTables`), so raw pointers are safe to
  // share between threads: nothing ever writes to them after the build.
  @usableFromInline let tables: UnsafeRawPointer

  /// The evaluator over the process-wide tables.
  public static let shared = HandEvaluator(tables: HandEvaluatorTables.build())

  init(tables: HandEvaluatorTables) {
    self.tables = UnsafeRawPointer(tables.block)
    tableBytes = tables.byteCount
  }

  // Where each table sits in the block (``HandEvaluatorTables``): constants, so that the tables
  // are one base register plus a displacement.
  @inlinable static var flushCount: Int { 8192 }
  @inlinable static var rowCount: Int { 1 << (scrambleBits - Int(rowShift)) }
  @inlinable static var pairKeyCount: Int { (51 | 51 << 8) + 1 }
  @inlinable static var cardKeysOffset: Int { 0 }
  @inlinable static var cardMasksOffset: Int { cardKeysOffset + 52 * 8 }
  @inlinable static var pairKeysOffset: Int { cardMasksOffset + 52 * 8 }
  @inlinable static var flushRanksOffset: Int { pairKeysOffset + pairKeyCount * 8 }
  @inlinable static var rowOffsetsOffset: Int { flushRanksOffset + flushCount * 2 }
  @inlinable static var multisetRanksOffset: Int { rowOffsetsOffset + rowCount * 4 }

  /// The table at `offset` in the block.
  @inlinable func table<T>(_ offset: Int, _ type: T.Type) -> UnsafePointer<T> {
    (tables + offset).assumingMemoryBound(to: T.self)
  }
  /// The rank of each flush's rank bits.
  @inlinable var flushRanks: UnsafePointer<UInt16> { table(HandEvaluator.flushRanksOffset, UInt16.self) }
  /// The perfect hash's displacement of each row.
  @inlinable var rowOffsets: UnsafePointer<UInt32> { table(HandEvaluator.rowOffsetsOffset, UInt32.self) }
  /// The rank of each rank multiset, at its hashed slot.
  @inlinable var multisetRanks: UnsafePointer<UInt16> { table(HandEvaluator.multisetRanksOffset, UInt16.self) }
  /// The key (``Hand/key``) of each card's hand.
  @inlinable var cardKeys: UnsafePointer<UInt64> { table(HandEvaluator.cardKeysOffset, UInt64.self) }
  /// The suit masks (``Hand/suitMasks``) of each card's hand.
  @inlinable var cardMasks: UnsafePointer<UInt64> { table(HandEvaluator.cardMasksOffset, UInt64.self) }
  /// The key of every two cards, at `first | second << 8`.
  @inlinable var pairKeys: UnsafePointer<UInt64> { table(HandEvaluator.pairKeysOffset, UInt64.self) }

  /// The bytes the tables occupy.
  public let tableBytes: Int

  /// Bits 3, 7, 11, 15: set in a suit counter once it has been biased by 3 and reached 5.
  @usableFromInline static let flushCheckMask: UInt64 = 0x8888
  @usableFromInline static let counterBias: UInt64 = 0x3333
  /// Biased by 5 instead: bit 3 of a suit counter is set once it reaches 3 (two short of a flush).
  @usableFromInline static let twoShortBias: UInt64 = 0x5555
  @usableFromInline static let rowShift: UInt32 = 12
  /// Keys are scrambled by an odd multiplier modulo 2^25 (a bijection, since every key is below
  /// 2^25) before the row split: unscrambled, every row is a translate of the same dense pattern
  /// of low-rank sums and rows barely interleave. Hands carry their weights already scrambled
  /// (``RankWeights/keyWeight(_:)``), so evaluation only masks.
  @inlinable static var scrambleBits: Int { 25 }

  static func scramble(_ key: UInt32) -> UInt32 {
    (key &* RankWeights.keyMultiplier) & RankWeights.keyMask
  }

  /// The rank of a hand of at most seven cards.
  @inlinable
  public func rank(of hand: Hand) -> HandRank {
    let flushBits = (hand.key &+ HandEvaluator.counterBias) & HandEvaluator.flushCheckMask
    if flushBits != 0 {
      let suit = UInt64(truncatingIfNeeded: flushBits.trailingZeroBitCount >> 2)
      let rankBits = Int(truncatingIfNeeded: (hand.suitMasks >> (suit &* 16)) & 0x1FFF)
      return HandRank(value: flushRanks[rankBits])
    }
    return HandRank(value: nonFlushRank(key: hand.key))
  }

  /// The rank a multiset of ranks makes when no flush is possible, from a hand's key (only its
  /// top 25 bits, the scrambled rank-weight sum, are read).
  @inlinable
  public func nonFlushRank(key: UInt64) -> UInt16 {
    let hash = UInt32(truncatingIfNeeded: key &>> RankWeights.keyShift)
    let row = Int(truncatingIfNeeded: key &>> (RankWeights.keyShift &+ UInt64(HandEvaluator.rowShift)))
    let slot = hash &+ rowOffsets[row]
    return multisetRanks[Int(truncatingIfNeeded: slot)]
  }

  /// The rank of the best five-card hand in any set of cards (more than seven cards are ranked
  /// by trying every seven-card subset).
  public func rank(of cards: CardSet) -> HandRank {
    if cards.count <= 7 { return rank(of: Hand(cards)) }
    let all = Array(cards)
    var best = HandRank(value: 0)
    forEachSubset(of: all, size: 7) { best = max(best, rank(of: Hand($0))) }
    return best
  }

  /// The rank of the best hand in the given cards.
  public func rank(of cards: [Card]) -> HandRank { rank(of: CardSet(cards)) }
}

func forEachSubset(of cards: [Card], size: Int, _ body: ([Card]) -> Void) {
  var chosen: [Card] = []
  func walk(_ start: Int) {
    if chosen.count == size {
      body(chosen)
      return
    }
    guard cards.count - start >= size - chosen.count else { return }
    for i in start..<cards.count {
      chosen.append(cards[i])
      walk(i + 1)
      chosen.removeLast()
    }
  }
  walk(0)
}

extension HandEvaluator {
  /// Searches the perfect hash's row offsets from scratch (about a second) and returns them as
  /// the base64 text embedded in the library, for checking and regenerating the embedded table.
  public static func searchedRowOffsetsBase64() -> String {
    EmbeddedRowOffsets.encode(HandEvaluatorTables.searchRowOffsets())
  }

  /// The embedded row offsets' base64 text.
  public static var embeddedRowOffsetsBase64: String { EmbeddedRowOffsets.base64 }

  /// An evaluator over freshly built tables, for timing the build; normal code uses ``shared``.
  public static func rebuiltForTiming() -> HandEvaluator {
    HandEvaluator(tables: HandEvaluatorTables.build())
  }
}
