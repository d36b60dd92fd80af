/// 16-bit storage for `actions × hands` slices (block floating point). Regrets (signed) keep one
/// exponent per hand: each hand's values share the exponent of its largest magnitude and keep 15
/// bits below it, since regret matching normalises each hand over its actions and needs precision
/// relative to the hand's own largest regret, whatever the spread between hands. Strategy sums
/// (non-negative) keep one exponent per node and 16 bits below the node's largest sum: a hand's
/// sums grow with its own reach, so a hand whose sums fall below 2⁻¹⁶ of the node's largest is
/// one that almost never arrives there, and its average strategy weighs in proportion. Half a
/// byte per hand per node fewer than an exponent per hand in both tables (the flop spot: 29 MB). All loops are branch-free integer and float arithmetic, so they vectorise.
enum BlockFloat {
  /// Float bits of 1.5 · 2²³: adding it rounds a float of magnitude below 2²² to an integer held
  /// in the low mantissa bits.
  @usableFromInline static let magic: Float = 12_582_912
  @usableFromInline static let magicBits: Int32 = 0x4B40_0000

  /// 2^(bits − 127) as a float, for biased exponent bits in 1…254.
  @inline(__always) static func power(_ bits: Int32) -> Float {
    Float(bitPattern: UInt32(truncatingIfNeeded: min(max(bits, 0), 254)) << 23)
  }

  /// Stores signed values; `exponents[hand]` gets each hand's shared exponent.
  @inline(__always)
  static func encode(
    _ values: UnsafePointer<Float>, actions: Int, hands: Int, into stored: UnsafeMutablePointer<Int16>,
    exponents: UnsafeMutablePointer<UInt8>, scratch: UnsafeMutablePointer<Float>
  ) {
    shareExponents(values, actions: actions, hands: hands, signed: true, exponents: exponents, scratch: scratch)
    for action in 0..<actions {
      let row = values + action * hands
      let target = stored + action * hands
      for hand in 0..<hands {
        let scaled = row[hand] * scratch[hand] + magic
        // A positive value keeps at least one step: a positive regret far below the hand's
        // largest magnitude (a large negative one) would otherwise round to 0, and a hand left
        // with no positive regret plays uniformly at random, a jump the average then carries.
        let floor: Int32 = row[hand] > 0 ? 1 : -32_767
        let integer = min(max(Int32(bitPattern: scaled.bitPattern) &- magicBits, floor), 32_767)
        target[hand] = Int16(truncatingIfNeeded: integer)
      }
    }
  }

  /// Reads signed values back.
  @inline(__always)
  static func decode(
    _ stored: UnsafePointer<Int16>, exponents: UnsafePointer<UInt8>, actions: Int, hands: Int,
    into values: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>
  ) {
    // A hand's values are q · 2^(E − 141): biased exponent bits E − 14.
    for hand in 0..<hands { scratch[hand] = power(Int32(exponents[hand]) &- 14) }
    for action in 0..<actions {
      let row = stored + action * hands
      let target = values + action * hands
      for hand in 0..<hands { target[hand] = Float(row[hand]) * scratch[hand] }
    }
  }

  /// Stores non-negative values with the one exponent of the largest, written to `exponent`.
  @inline(__always)
  static func encode(
    _ values: UnsafePointer<Float>, actions: Int, hands: Int, into stored: UnsafeMutablePointer<UInt16>,
    exponent: UnsafeMutablePointer<UInt8>
  ) {
    let count = actions * hands
    // Non-negative floats order as their bit patterns: an integer maximum, which vectorises.
    var largest: UInt32 = 0
    for index in 0..<count { largest = max(largest, values[index].bitPattern) }
    // x < 2^(E − 126); times 2^(142 − E) it is under 2^16.
    let bits = min(max(Int32(bitPattern: largest >> 23) & 0xFF, 16), 254)
    exponent.pointee = UInt8(truncatingIfNeeded: bits)
    let scale = power(269 &- bits)
    for index in 0..<count {
      let scaled = values[index] * scale + magic
      let integer = min(max(Int32(bitPattern: scaled.bitPattern) &- magicBits, 0), 65_535)
      stored[index] = UInt16(truncatingIfNeeded: integer)
    }
  }

  /// Reads non-negative values back: q · 2^(E − 142), biased exponent bits E − 15.
  @inline(__always)
  static func decode(
    _ stored: UnsafePointer<UInt16>, exponent: UInt8, actions: Int, hands: Int, into values: UnsafeMutablePointer<Float>
  ) {
    let scale = power(Int32(exponent) &- 15)
    for index in 0..<actions * hands { values[index] = Float(stored[index]) * scale }
  }

  /// Each hand's largest magnitude's exponent E (clamped to 16…254) into `exponents`, and the
  /// multiplier that brings its values under 2¹⁵ into `scratch`.
  @inline(__always)
  static func shareExponents(
    _ values: UnsafePointer<Float>, actions: Int, hands: Int, signed: Bool, exponents: UnsafeMutablePointer<UInt8>,
    scratch: UnsafeMutablePointer<Float>
  ) {
    scratch.update(repeating: 0, count: hands)
    for action in 0..<actions {
      let row = values + action * hands
      for hand in 0..<hands { scratch[hand] = max(scratch[hand], abs(row[hand])) }
    }
    // |x| < 2^(E − 126); times 2^(141 − E) (signed) or 2^(142 − E) it is under 2^15 or 2^16.
    let top: Int32 = signed ? 268 : 269
    for hand in 0..<hands {
      let bits = Int32(bitPattern: scratch[hand].bitPattern >> 23) & 0xFF
      let exponent = min(max(bits, 16), 254)
      exponents[hand] = UInt8(truncatingIfNeeded: exponent)
      scratch[hand] = power(top &- exponent)
    }
  }
}
