extension HandIndexer {
  /// Bits per round in a shape code (a suit gets at most 7 cards in a round).
  static let shapeBits = 3

  /// A suit's shape as a number: its card count in each round, the first round highest.
  static func shapeCode(_ counts: some Collection<Int>) -> UInt16 {
    counts.reduce(0) { $0 << UInt16(shapeBits) | UInt16($1) }
  }

  /// The counts a shape code holds, first round first.
  static func counts(of shape: UInt16, rounds: Int) -> [Int] {
    (0..<rounds).map { Int(shape >> UInt16(shapeBits * (rounds - 1 - $0))) & (1 << shapeBits - 1) }
  }

  /// Configurations of one suit with these per-round counts: ranks for each round chosen from
  /// those the earlier rounds left.
  static func configurations(counts: [Int]) -> Int {
    var left = 13
    var product = 1
    for count in counts {
      product *= choose(left, count)
      left -= count
    }
    return product
  }

  /// A pattern's key: its four shape codes, largest first, 16 bits each.
  static func key(_ shapes: some Collection<UInt16>) -> UInt64 {
    shapes.reduce(0) { $0 << 16 | UInt64($1) }
  }

  /// Every pattern of four suit shapes whose round totals are `rounds`, sized and offset.
  static func table(rounds: [Int]) -> Table {
    // Each round's cards split among the four suits, every way.
    var splits: [[[Int]]] = [[[Int]](repeating: [], count: 4)]
    for count in rounds {
      var next: [[[Int]]] = []
      for split in splits {
        for a in 0...count {
          for b in 0...(count - a) {
            for c in 0...(count - a - b) {
              let d = count - a - b - c
              next.append(zip(split, [a, b, c, d]).map { $0 + [$1] })
            }
          }
        }
      }
      splits = next
    }
    var shapesByKey: [UInt64: [UInt16]] = [:]
    for split in splits {
      let shapes = split.map { shapeCode($0) }.sorted(by: >)
      shapesByKey[key(shapes)] = shapes
    }
    var keys: [UInt64] = []
    var patterns: [Pattern] = []
    var offset = 0
    for key in shapesByKey.keys.sorted() {
      let shapes = shapesByKey[key]!
      var groups: [Group] = []
      var start = 0
      while start < 4 {
        var end = start + 1
        while end < 4 && shapes[end] == shapes[start] { end += 1 }
        let configurations = configurations(counts: counts(of: shapes[start], rounds: rounds.count))
        let suits = end - start
        groups.append(
          Group(
            shape: shapes[start], suits: suits, configurations: configurations,
            size: choose(configurations + suits - 1, suits)))
        start = end
      }
      let size = groups.reduce(1) { $0 * $1.size }
      keys.append(key)
      patterns.append(Pattern(offset: offset, size: size, groups: groups))
      offset += size
    }
    return Table(roundCount: rounds.count, keys: keys, patterns: patterns, size: offset)
  }

  /// The binomial coefficient C(n, k), 0 when k is out of 0...n.
  @inline(__always)
  static func choose(_ n: Int, _ k: Int) -> Int {
    guard k >= 0, k <= n else { return 0 }
    if n < 16 { return smallBinomials[n &* 16 &+ k] }
    let k = min(k, n - k)
    var result = 1
    for i in 0..<k { result = result * (n - i) / (i + 1) }
    return result
  }

  /// C(n, k) for n, k < 16, row n at `16 n`.
  static let smallBinomials: [Int] = {
    var table = [Int](repeating: 0, count: 16 * 16)
    for n in 0..<16 {
      table[n * 16] = 1
      for k in 1..<16 where k <= n { table[n * 16 + k] = table[(n - 1) * 16 + k - 1] + table[(n - 1) * 16 + k] }
    }
    return table
  }()
}
