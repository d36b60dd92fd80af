/// The weight each rank adds to a ``Hand``'s key.
///
/// Every multiset of at most seven ranks with at most four of each has a different weight sum
/// (76,155 multisets, largest sum 18,393,157), so the sum identifies the ranks of a hand. The
/// weights were found by a greedy search, `scripts/find-rank-weights.swift`; the evaluator's table
/// build checks the uniqueness again.
public enum RankWeights {
  /// The weights from deuce to ace.
  public static let weights: [UInt32] = [
    1, 5, 24, 112, 521, 2247, 9244, 30823, 103066, 250154, 667453, 1_526_359, 3_453_520,
  ]

  /// The largest key any hand of at most seven cards can have.
  public static let largestKey: UInt32 = 18_393_157

  /// The weight of `rank` (0 = deuce … 12 = ace).
  @inlinable
  public static func weight(_ rank: Int) -> UInt32 {
    switch rank {
    case 0: 1
    case 1: 5
    case 2: 24
    case 3: 112
    case 4: 521
    case 5: 2247
    case 6: 9244
    case 7: 30823
    case 8: 103066
    case 9: 250154
    case 10: 667453
    case 11: 1_526_359
    default: 3_453_520
    }
  }

  /// The weight of `rank` as a ``Hand``'s key holds it: scrambled by the evaluator's odd
  /// multiplier modulo 2^25, in the key's top 25 bits. Scrambling is linear modulo 2^25 and a
  /// 64-bit sum drops what carries out of the top, so the top 25 bits of a sum of these are the
  /// scrambled sum of the plain weights, which the evaluator's perfect hash reads with one shift.
  @inlinable
  public static func keyWeight(_ rank: Int) -> UInt64 {
    UInt64((weight(rank) &* keyMultiplier) & keyMask) &<< keyShift
  }

  /// Where a hand's scrambled rank-weight sum starts in its key.
  @inlinable public static var keyShift: UInt64 { 39 }

  /// The odd multiplier that scrambles rank-weight sums (a bijection modulo 2^25).
  @inlinable public static var keyMultiplier: UInt32 { 0x0163_9A7B }
  /// The low 25 bits, where a hand's scrambled rank-weight sum lives.
  @inlinable public static var keyMask: UInt32 { 0x01FF_FFFF }
}
