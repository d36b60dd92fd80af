/// The project's random number generator: xoshiro256** (Blackman and Vigna), seeded through
/// ``SplitMix64``.
///
/// Everything random in Skeptic takes a seed and draws from this generator, so the same seed gives
/// the same bytes on every machine. Unlike `SystemRandomNumberGenerator` it is reproducible, and
/// unlike the standard library's `shuffled(using:)` the helpers in `SeededGenerator+Draws.swift`
/// fix their algorithms, so results do not change with the Swift version.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
  /// The four words of state; saved in checkpoints to resume a random stream exactly.
  public var state: (UInt64, UInt64, UInt64, UInt64) {
    get { (s0, s1, s2, s3) }
    set { (s0, s1, s2, s3) = newValue }
  }

  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64

  /// Creates a generator from a seed; any seed, zero included, gives a usable stream.
  public init(seed: UInt64) {
    var mixer = SplitMix64(seed: seed)
    s0 = mixer.next()
    s1 = mixer.next()
    s2 = mixer.next()
    s3 = mixer.next()
  }

  /// Recreates a generator from a saved ``state``.
  ///
  /// - Precondition: not all four words are zero (an all-zero state never leaves zero).
  public init(state: (UInt64, UInt64, UInt64, UInt64)) {
    precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
    (s0, s1, s2, s3) = state
  }

  /// Returns the next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, by: 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, by: 45)
    return result
  }

  @inlinable
  func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

  /// Derives an independent generator for a numbered sub-stream (a hand, a thread, a path), so
  /// that work split several ways draws the same numbers however it is scheduled.
  public func substream(_ index: UInt64) -> SeededGenerator {
    var mixer = SplitMix64(seed: s0 ^ (index &* 0xD1B5_4A32_D192_ED03))
    return SeededGenerator(seed: mixer.next() ^ s3)
  }

  public static func == (lhs: SeededGenerator, rhs: SeededGenerator) -> Bool {
    lhs.state == rhs.state
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(s0)
    hasher.combine(s1)
    hasher.combine(s2)
    hasher.combine(s3)
  }
}
