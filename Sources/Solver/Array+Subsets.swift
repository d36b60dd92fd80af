import Cards

extension Array where Element == Card {
  /// Calls `body` with every subset of the cards of `size`, in order (each subset in the array's
  /// order).
  func forEachSubset(size: Int, _ body: ([Card]) -> Void) {
    var chosen: [Card] = []
    func walk(_ start: Int) {
      if chosen.count == size {
        body(chosen)
        return
      }
      guard start < count else { return }
      for k in start..<count {
        chosen.append(self[k])
        walk(k + 1)
        chosen.removeLast()
      }
    }
    walk(0)
  }
}

/// The number of ways to choose `k` of `n` (0 outside 0...n), as a `Double`.
func combinations(_ n: Int, _ k: Int) -> Double {
  guard k >= 0, k <= n else { return 0 }
  var result = 1.0
  for i in 0..<k { result = result * Double(n - i) / Double(i + 1) }
  return result
}
