/// One hand of the player being valued at a showdown on one final board, as indices into that
/// showdown's per-board sums (``ShowdownTables``): its rank group's term and the terms of its two
/// cards within that group. Eight bytes, read as one 64-bit word (``fields(_:)``); a showdown's
/// entries are its hands in order, so the hand is the entry's place.
#if _endian(big)
  #error("ShowdownEntry.fields reads the entry as a little-endian word")
#endif

struct ShowdownEntry {
  /// The hand's rank group among the player's hands on the board.
  var group: UInt16
  /// The (card, group) terms of its two cards.
  var pairA: UInt16
  var pairB: UInt16
  /// Unused: eight bytes load as one word.
  var spare: UInt16
}

extension ShowdownEntry {
  /// The entry's fields from its word as it lies in memory on a little-endian machine (every
  /// platform Swift runs on here): group, pairA, pairB.
  @inline(__always)
  static func fields(_ entry: UnsafeRawPointer) -> (group: Int, pairA: Int, pairB: Int) {
    let word = entry.loadUnaligned(as: UInt64.self)
    return (Int(word & 0xFFFF), Int((word >> 16) & 0xFFFF), Int((word >> 32) & 0xFFFF))
  }
}
