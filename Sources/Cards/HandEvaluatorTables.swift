/// The evaluator's tables, built once and never freed (they live as long as the process).
final class HandEvaluatorTables: @unchecked Sendable {
  /// Every table in one block, at the constant offsets of ``HandEvaluator`` (so that a hot loop
  /// holds one base pointer for all of them): the cards' keys and suit masks, the two-card keys, the flush ranks,
  /// the row offsets, then the multiset ranks.
  let block: UnsafeMutableRawPointer
  let byteCount: Int

  private init(flush: [UInt16], offsets: [UInt32], ranks: [UInt16]) {
    precondition(flush.count == HandEvaluator.flushCount && offsets.count == HandEvaluator.rowCount)
    byteCount = HandEvaluator.multisetRanksOffset + ranks.count * 2
    block = .allocate(byteCount: byteCount, alignment: 64)
    func place<T>(_ array: [T], at offset: Int) {
      (block + offset).bindMemory(to: T.self, capacity: array.count).initialize(from: array, count: array.count)
    }
    let hands = HandEvaluator.singleCardHands
    // Two card bytes read as a little-endian word are first | second << 8; the sum is symmetric,
    // so a big-endian read finds the same key.
    var pairs = [UInt64](repeating: 0, count: HandEvaluator.pairKeyCount)
    for first in 0..<52 {
      for second in 0..<52 { pairs[first | second << 8] = hands[first].key &+ hands[second].key }
    }
    place(hands.map(\.key), at: HandEvaluator.cardKeysOffset)
    place(hands.map(\.suitMasks), at: HandEvaluator.cardMasksOffset)
    place(pairs, at: HandEvaluator.pairKeysOffset)
    place(flush, at: HandEvaluator.flushRanksOffset)
    place(offsets, at: HandEvaluator.rowOffsetsOffset)
    place(ranks, at: HandEvaluator.multisetRanksOffset)
  }

  /// Builds every table: the strengths of all rank multisets and flush masks, a dense numbering
  /// of the strengths within each category, and the perfect hash of the rank-weight sums.
  static func build() -> HandEvaluatorTables {
    let (keys, multisetStrengths) = enumerateMultisets()
    var flushStrengths = [UInt32](repeating: 0, count: 8192)
    for bits in 0..<8192 where bits.nonzeroBitCount >= 5 {
      flushStrengths[bits] = HandStrength.ofFlush(rankBits: UInt16(bits))
    }
    let numbering = denseNumbering(multisetStrengths + flushStrengths)
    let flush = Array(numbering[multisetStrengths.count...])
    let offsets = EmbeddedRowOffsets.decoded()
    let shift = HandEvaluator.rowShift
    let slots = keys.map { key -> Int in
      let hash = HandEvaluator.scramble(key)
      return Int(truncatingIfNeeded: hash &+ offsets[Int(hash >> shift)])
    }
    var ranks = [UInt16](repeating: 0, count: slots.max()! + 1)
    var filled = [Bool](repeating: false, count: ranks.count)
    for (i, slot) in slots.enumerated() {
      precondition(!filled[slot], "the embedded row offsets are not a perfect hash of the rank keys")
      filled[slot] = true
      ranks[slot] = numbering[i]
    }
    return HandEvaluatorTables(flush: flush, offsets: offsets, ranks: ranks)
  }

  /// Searches the row offsets of the perfect hash from scratch (about a second). The result is
  /// embedded in `EmbeddedRowOffsets.swift`; a test checks the two agree.
  static func searchRowOffsets() -> [UInt32] {
    perfectHash(enumerateMultisets().keys).offsets
  }

  /// Every multiset of at most seven ranks with at most four of each: its key and its strength.
  private static func enumerateMultisets() -> (keys: [UInt32], strengths: [UInt32]) {
    var keys: [UInt32] = []
    var strengths: [UInt32] = []
    keys.reserveCapacity(76_155)
    strengths.reserveCapacity(76_155)
    // masks[c] holds the ranks present exactly c times (index 0 unused).
    func visit(rank: Int, size: Int, key: UInt32, masks: (UInt16, UInt16, UInt16, UInt16)) {
      if rank == 13 {
        keys.append(key)
        strengths.append(
          size == 0 ? 0 : HandStrength.of(singles: masks.0, pairs: masks.1, trips: masks.2, quads: masks.3))
        return
      }
      let bit = UInt16(1) << UInt16(rank)
      let weight = RankWeights.weight(rank)
      visit(rank: rank + 1, size: size, key: key, masks: masks)
      if size + 1 <= 7 {
        visit(rank: rank + 1, size: size + 1, key: key + weight, masks: (masks.0 | bit, masks.1, masks.2, masks.3))
      }
      if size + 2 <= 7 {
        visit(rank: rank + 1, size: size + 2, key: key + 2 * weight, masks: (masks.0, masks.1 | bit, masks.2, masks.3))
      }
      if size + 3 <= 7 {
        visit(rank: rank + 1, size: size + 3, key: key + 3 * weight, masks: (masks.0, masks.1, masks.2 | bit, masks.3))
      }
      if size + 4 <= 7 {
        visit(rank: rank + 1, size: size + 4, key: key + 4 * weight, masks: (masks.0, masks.1, masks.2, masks.3 | bit))
      }
    }
    visit(rank: 0, size: 0, key: 0, masks: (0, 0, 0, 0))
    return (keys, strengths)
  }

  /// Numbers strengths densely within each category: `category << 12 | position`, 0 for none.
  private static func denseNumbering(_ strengths: [UInt32]) -> [UInt16] {
    let order = strengths.indices.sorted { strengths[$0] < strengths[$1] }
    var numbering = [UInt16](repeating: 0, count: strengths.count)
    var previous: UInt32 = 0
    var position = 0
    for index in order where strengths[index] != 0 {
      let strength = strengths[index]
      if strength >> 20 != previous >> 20 {
        position = 0
      } else if strength != previous {
        position += 1
      }
      precondition(position < 4096, "a hand category has more than 4096 ranks")
      numbering[index] = UInt16(strength >> 20) << 12 | UInt16(position)
      previous = strength
    }
    return numbering
  }

  /// Row-displacement perfect hash: slot = key + offsets[key >> shift]. Rows are placed fullest
  /// first, each at the lowest displacement where all its columns land on free slots.
  private static func perfectHash(_ keys: [UInt32]) -> (offsets: [UInt32], slots: [Int], size: Int) {
    let shift = Int(HandEvaluator.rowShift)
    let columnMask = (1 << shift) - 1
    let rowCount = 1 << (HandEvaluator.scrambleBits - shift)
    var rows = [[Int]](repeating: [], count: rowCount)
    let scrambled = keys.map { Int(HandEvaluator.scramble($0)) }
    for (i, key) in scrambled.enumerated() { rows[key >> shift].append(i) }
    var occupied = [Bool](repeating: false, count: keys.count * 2 + (1 << shift) * 2)
    var offsets = [UInt32](repeating: 0, count: rowCount)
    var slots = [Int](repeating: 0, count: keys.count)
    var size = 0
    var firstFree = 0
    for row in rows.indices.sorted(by: { rows[$0].count > rows[$1].count }) where !rows[row].isEmpty {
      let columns = rows[row].map { scrambled[$0] & columnMask }
      let lowest = columns.min()!
      var free = firstFree
      var displacement = 0
      search: while true {
        if free + columnMask + 1 >= occupied.count {
          occupied += [Bool](repeating: false, count: occupied.count)
        }
        while occupied[free] { free += 1 }
        displacement = free - lowest
        if displacement >= -lowest {
          for column in columns where occupied[displacement + column] {
            free += 1
            continue search
          }
          break
        }
        free += 1
      }
      for (entry, column) in zip(rows[row], columns) {
        let slot = displacement + column
        occupied[slot] = true
        slots[entry] = slot
        size = max(size, slot + 1)
      }
      while occupied[firstFree] { firstFree += 1 }
      offsets[row] = UInt32(truncatingIfNeeded: displacement - (row << shift))
    }
    precondition(Set(keys).count == keys.count, "rank weights give two multisets the same key")
    return (offsets, slots, size)
  }
}
