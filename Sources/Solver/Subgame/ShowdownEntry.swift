/// One hand of the player being valued at a showdown on one final board: where its rank falls
/// among the opponent's hands (`lo`: how many are weaker; `hi`: how many are not stronger) and
/// the same in the opponent's hands holding each of its cards, as positions in the prefix sums
/// of ``ShowdownTables``. Sixteen bytes.
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
