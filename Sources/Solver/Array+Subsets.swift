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
