/// Scratch space for the threads that walk a chance node's children in parallel.
final class Workers: @unchecked Sendable {
  let count: Int
  let threshold: Int
  let arenaSize: Int
  let storage: UnsafeMutablePointer<Double>

  init(count: Int, threshold: Int, arenaSize: Int) {
    self.count = count
    self.threshold = threshold
    self.arenaSize = arenaSize
    storage = .allocate(capacity: count * arenaSize)
    storage.initialize(repeating: 0, count: count * arenaSize)
  }

  deinit { storage.deallocate() }

  /// Worker `index`'s scratch.
  func arena(_ index: Int) -> UnsafeMutablePointer<Double> { storage + index * arenaSize }
}
