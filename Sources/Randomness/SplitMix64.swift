/// A tiny 64-bit generator (Steele, Lea and Flood's SplitMix64), used to expand one seed into the
/// state of a stronger generator.
///
/// The sequence depends only on the seed, never on the platform or the Swift version.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
  /// The generator's whole state.
  public var state: UInt64

  /// Creates a generator whose first output is determined by `seed` alone.
  public init(seed: UInt64) { state = seed }

  /// Returns the next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
