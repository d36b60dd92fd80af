// Finds thirteen rank weights whose sums over every multiset of at most seven cards, with at most
// four cards of one rank, are all different, so a hand's ranks can be summed into one key.
//
// Greedy: each weight is the smallest above the previous one that keeps the sums distinct. Two
// partial multisets a and b (sums differing by d > 0) collide after adding k more cards of the new
// rank to b than to a exactly when the new weight is d / k, so those values are forbidden.
// Run (a few seconds):
//   swiftc -O scripts/find-rank-weights.swift -o /tmp/weights && /tmp/weights
// The output is pasted into Sources/Cards/RankWeights.swift.

struct Partial {
  var sum: Int
  var size: Int
}

var partials = [Partial(sum: 0, size: 0)]
var weights: [Int] = []
let bound = 64_000_000
for _ in 0..<13 {
  var forbidden = [Bool](repeating: false, count: bound)
  for a in partials {
    for b in partials where a.sum > b.sum {
      let d = a.sum - b.sum
      for k in stride(from: 1, through: min(4, 7 - b.size), by: 1) where d % k == 0 && d / k < bound {
        forbidden[d / k] = true
      }
    }
  }
  var w = (weights.last ?? 0) + 1
  while forbidden[w] { w += 1 }
  weights.append(w)
  partials = partials.flatMap { p in
    (0...min(4, 7 - p.size)).map { Partial(sum: p.sum + $0 * w, size: p.size + $0) }
  }
}
print("weights:", weights.map(String.init).joined(separator: ", "))
print("multisets:", partials.count, "largest sum:", partials.map(\.sum).max()!)
