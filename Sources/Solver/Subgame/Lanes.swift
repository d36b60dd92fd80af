/// Four floats at a time for the solver's hand loops, where the compiler would not vectorise on
/// its own (rows that may alias, selects): unaligned loads and stores of `SIMD4<Float>`.
enum Lanes {
  typealias Vector = SIMD4<Float>

  /// Floats per vector.
  @inline(__always) static var width: Int { 4 }

  @inline(__always)
  static func load(_ pointer: UnsafePointer<Float>, _ index: Int) -> Vector {
    UnsafeRawPointer(pointer + index).loadUnaligned(as: Vector.self)
  }

  /// Each lane's positive part (`pointwiseMax` is generic and not inlined).
  @inline(__always)
  static func positive(_ vector: Vector) -> Vector {
    vector.replacing(with: 0, where: vector .< 0)
  }

  @inline(__always)
  static func store(_ vector: Vector, _ pointer: UnsafeMutablePointer<Float>, _ index: Int) {
    UnsafeMutableRawPointer(pointer + index).storeBytes(of: vector, as: Vector.self)
  }
}
