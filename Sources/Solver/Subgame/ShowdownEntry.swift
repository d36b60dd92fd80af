/// One hand of the player being valued at a showdown on one final board: where its rank falls
/// among the opponent's hands (`lo`: how many are weaker; `hi`: how many are not stronger) and
/// the same in the opponent's hands holding each of its cards, as positions in the prefix sums
/// of ``ShowdownTables``. Sixteen bytes, read as two 64-bit words (``fields(_:)``): the
/// showdown loop is bound by loads: two of them fetch what nine field by field would.
#if _endian(big)
  #error("ShowdownEntry.fields reads the entry as little-endian words")
#endif

struct ShowdownEntry {
  var hand: UInt16
  var lo: UInt16
  var hi: UInt16
  var aLo: UInt16
  var aHi: UInt16
  var bLo: UInt16
  var bHi: UInt16
  /// The hand's two cards.
  var a: UInt8
  var b: UInt8
}

extension ShowdownEntry {
  /// The entry's fields from its two words as they lie in memory on a little-endian machine
  /// (every platform Swift runs on here): hand, lo, hi, aLo, aHi, bLo, bHi, a, b.
  @inline(__always)
  static func fields(_ entry: UnsafeRawPointer) -> (
    hand: Int, lo: Int, hi: Int, aLo: Int, aHi: Int, bLo: Int, bHi: Int, a: Int, b: Int
  ) {
    let first = entry.loadUnaligned(as: UInt64.self)
    let second = entry.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    return (
      Int(first & 0xFFFF), Int((first >> 16) & 0xFFFF), Int((first >> 32) & 0xFFFF), Int(first >> 48),
      Int(second & 0xFFFF), Int((second >> 16) & 0xFFFF), Int((second >> 32) & 0xFFFF), Int((second >> 48) & 0xFF),
      Int(second >> 56)
    )
  }
}
