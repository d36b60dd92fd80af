extension RandomNumberGenerator {
  /// A uniform integer in `0..<bound`, by Lemire's multiply-and-reject method.
  ///
  /// The algorithm is fixed here rather than left to the standard library, so a seed gives the
  /// same draws under every Swift version.
  ///
  /// - Precondition: `bound > 0`.
  @inlinable
  public mutating func uniform(below bound: UInt64) -> UInt64 {
    precondition(bound > 0, "uniform(below:) needs a positive bound")
    var product = next().multipliedFullWidth(by: bound)
    if product.low < bound {
      let threshold = (0 &- bound) % bound
      while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
    }
    return product.high
  }

  /// A uniform integer in `0..<bound`.
  @inlinable
  public mutating func uniform(below bound: Int) -> Int {
    Int(uniform(below: UInt64(bound)))
  }

  /// A uniform `Double` in `[0, 1)` with 53 random bits.
  @inlinable
  public mutating func unitDouble() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// Shuffles `elements` in place by Fisher–Yates with ``uniform(below:)-2qkga``.
  public mutating func shuffle<C: MutableCollection & RandomAccessCollection>(
    _ elements: inout C
  ) where C.Index == Int {
    guard elements.count > 1 else { return }
    var i = elements.endIndex - 1
    while i > elements.startIndex {
      let j = elements.startIndex + uniform(below: i - elements.startIndex + 1)
      elements.swapAt(i, j)
      i -= 1
    }
  }
}
