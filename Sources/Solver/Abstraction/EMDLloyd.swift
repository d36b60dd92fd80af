import Dispatch
import Randomness

/// The working state of one ``EMDKMeans`` fit: points are cumulative distributions (dimension a
/// multiple of 8), the distance is L1 (the earth mover's distance of the histograms), centres are
/// means.
///
/// Two prunings keep most distances from being computed, both exact:
/// - the annulus: ‖x − c‖₁ ≥ |Σx − Σc|, so with the centres sorted by their sums a search walks
///   outward from the point's sum and stops once the gap passes the best distance found;
/// - Hamerly's bounds (the triangle inequality): an upper bound on each point's distance to its
///   centre and a lower bound on its distance to every other, moved by how far the centres moved,
///   skip the point while the upper stays below the larger of the lower bound and half the
///   distance from its centre to the nearest other centre.
final class EMDLloyd: @unchecked Sendable {
  let points: UnsafePointer<Float>
  let count: Int
  let dimension: Int
  let clusters: Int
  let threads: Int
  /// Points per block of work (sums per block are added in block order: the same bits for any
  /// thread count).
  static let block = 2_048
  /// Σ of each point's coordinates.
  let sums: UnsafeMutablePointer<Float>
  /// The centres, `clusters × dimension`.
  let centers: UnsafeMutablePointer<Float>
  let assignments: UnsafeMutablePointer<Int32>
  /// Upper bound on each point's distance to its centre.
  let upper: UnsafeMutablePointer<Float>
  /// Lower bound on each point's distance to any other centre.
  let lower: UnsafeMutablePointer<Float>
  /// Centres in order of their sums, and the sums in that order.
  let order: UnsafeMutablePointer<Int32>
  let sortedSums: UnsafeMutablePointer<Float>
  /// Per centre scratch: distances to the new centre while seeding, half gaps while assigning.
  let perCenter: UnsafeMutablePointer<Float>
  /// Per block scratch: sums of squared distances while seeding, points moved while assigning.
  let perBlock: UnsafeMutablePointer<Double>
  let blocks: Int

  init(points: UnsafePointer<Float>, count: Int, dimension: Int, clusters: Int, threads: Int) {
    precondition(dimension % 8 == 0, "dimensions come in eights")
    self.points = points
    self.count = count
    self.dimension = dimension
    self.clusters = clusters
    self.threads = max(1, threads)
    sums = .allocate(capacity: count)
    for i in 0..<count { sums[i] = Self.sum(points + i * dimension, dimension) }
    centers = .allocate(capacity: clusters * dimension)
    centers.initialize(repeating: 0, count: clusters * dimension)
    assignments = .allocate(capacity: count)
    assignments.initialize(repeating: 0, count: count)
    upper = .allocate(capacity: count)
    upper.initialize(repeating: .infinity, count: count)
    lower = .allocate(capacity: count)
    lower.initialize(repeating: 0, count: count)
    order = .allocate(capacity: clusters)
    sortedSums = .allocate(capacity: clusters)
    perCenter = .allocate(capacity: clusters)
    blocks = (count + Self.block - 1) / Self.block
    perBlock = .allocate(capacity: max(1, blocks))
  }

  deinit {
    for buffer in [
      UnsafeMutableRawPointer(sums), UnsafeMutableRawPointer(centers), UnsafeMutableRawPointer(assignments),
      UnsafeMutableRawPointer(upper), UnsafeMutableRawPointer(lower), UnsafeMutableRawPointer(order),
      UnsafeMutableRawPointer(sortedSums), UnsafeMutableRawPointer(perCenter), UnsafeMutableRawPointer(perBlock),
    ] { buffer.deallocate() }
  }

  /// The coordinates' sum, in order.
  @inline(__always)
  static func sum(_ x: UnsafePointer<Float>, _ dimension: Int) -> Float {
    var total: Float = 0
    for l in 0..<dimension { total += x[l] }
    return total
  }

  /// ‖x − c‖₁, eight lanes at a time, summed in a fixed order.
  @inline(__always)
  static func distance(_ x: UnsafePointer<Float>, _ c: UnsafePointer<Float>, _ dimension: Int) -> Float {
    var total = SIMD8<Float>()
    var l = 0
    while l < dimension {
      let a = UnsafeRawPointer(x + l).loadUnaligned(as: SIMD8<Float>.self)
      let b = UnsafeRawPointer(c + l).loadUnaligned(as: SIMD8<Float>.self)
      let difference = unsafeBitCast(a - b, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF
      total += unsafeBitCast(difference, to: SIMD8<Float>.self)
      l += 8
    }
    return total.sum()
  }

  /// Sorts the centres by their sums (ties by number).
  func sortCenters() {
    let sumsOfCenters = (0..<clusters).map { Self.sum(centers + $0 * dimension, dimension) }
    let sorted = (0..<Int32(clusters)).sorted { (sumsOfCenters[Int($0)], $0) < (sumsOfCenters[Int($1)], $1) }
    for (position, center) in sorted.enumerated() {
      order[position] = center
      sortedSums[position] = sumsOfCenters[Int(center)]
    }
  }

  /// The nearest centre to point `x` by ``search(_:sum:known:knownDistance:second:centers:order:sortedSums:clusters:dimension:)``
  /// over this state's centres.
  @inline(__always)
  func search(_ x: UnsafePointer<Float>, sum: Float, known: Int32, knownDistance: Float, second: Bool) -> (
    best: Int32, distance: Float, second: Float
  ) {
    Self.search(
      x, sum: sum, known: known, knownDistance: knownDistance, second: second, centers: centers, order: order,
      sortedSums: sortedSums, clusters: clusters, dimension: dimension)
  }

  /// The nearest centre to `x` (of sum `sum`) and the distances to it and to the second nearest,
  /// by the annulus walk. `known` is a centre whose distance `knownDistance` is already computed
  /// (or -1). With `second` false the walk stops at the best distance (the second is then only
  /// an upper bound).
  @inline(__always)
  static func search(
    _ x: UnsafePointer<Float>, sum: Float, known: Int32, knownDistance: Float, second needSecond: Bool,
    centers: UnsafePointer<Float>, order: UnsafePointer<Int32>, sortedSums: UnsafePointer<Float>, clusters: Int,
    dimension: Int
  ) -> (best: Int32, distance: Float, second: Float) {
    var best = known
    var bestDistance = known >= 0 ? knownDistance : Float.infinity
    var second = Float.infinity
    // First centre with a sum ≥ the point's.
    var low = 0
    var high = clusters
    while low < high {
      let middle = (low + high) / 2
      if sortedSums[middle] < sum { low = middle + 1 } else { high = middle }
    }
    var down = low - 1
    var up = low
    while down >= 0 || up < clusters {
      let gapDown = down >= 0 ? sum - sortedSums[down] : Float.infinity
      let gapUp = up < clusters ? sortedSums[up] - sum : Float.infinity
      let position: Int
      let gap: Float
      if gapDown <= gapUp {
        position = down
        gap = gapDown
        down -= 1
      } else {
        position = up
        gap = gapUp
        up += 1
      }
      if gap >= (needSecond ? second : bestDistance) { break }
      let center = order[position]
      if center == known { continue }
      let d = distance(x, centers + Int(center) * dimension, dimension)
      if d < bestDistance || (d == bestDistance && center < best) {
        second = bestDistance
        best = center
        bestDistance = d
      } else if d < second {
        second = d
      }
    }
    return (best, bestDistance, second)
  }

  /// Runs `body` on each block of points `[start, end)`, the blocks split among the threads.
  func forEachBlock(_ body: @Sendable (Int, Int, Int) -> Void) {
    let blocks = (count + Self.block - 1) / Self.block
    let workers = min(threads, max(1, blocks))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for blockNumber in stride(from: worker, to: blocks, by: workers) {
        body(blockNumber, blockNumber * Self.block, min(count, (blockNumber + 1) * Self.block))
      }
    }
  }

  /// k-means++ under the squared distance: the first centre a uniformly drawn point, each next a
  /// point drawn with probability proportional to its squared distance to the nearest centre so
  /// far. Leaves each point's nearest centre and the distance to it in place.
  func seed(with seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    var chosen = random.uniform(below: count)
    for center in 0..<clusters {
      let c = centers + center * dimension
      for l in 0..<dimension { c[l] = points[chosen * dimension + l] }
      // Distances from the new centre to the earlier ones: a point nearer its centre than half
      // of that cannot move (triangle inequality).
      for j in 0..<center { perCenter[j] = Self.distance(c, centers + j * dimension, dimension) }
      let centerSum = sums[chosen]
      forEachBlock { blockNumber, start, end in
        var total = 0.0
        let c = self.centers + center * self.dimension
        for i in start..<end {
          let current = self.upper[i]
          if abs(self.sums[i] - centerSum) < current
            && (center == 0 || self.perCenter[Int(self.assignments[i])] < 2 * current)
          {
            let d = Self.distance(self.points + i * self.dimension, c, self.dimension)
            if d < current {
              self.upper[i] = d
              self.assignments[i] = Int32(center)
            }
          }
          total += Double(self.upper[i]) * Double(self.upper[i])
        }
        self.perBlock[blockNumber] = total
      }
      guard center + 1 < clusters else { break }
      var total = 0.0
      for b in 0..<blocks { total += perBlock[b] }
      if total > 0 {
        let target = random.unitDouble() * total
        var running = 0.0
        chosen = count - 1
        for i in 0..<count where upper[i] > 0 {
          running += Double(upper[i]) * Double(upper[i])
          chosen = i
          if running > target { break }
        }
      } else {
        chosen = center + 1  // every point sits on a centre (repeated points): the next in order
      }
    }
    sortCenters()
  }

  /// Half the distance from each centre to its nearest other centre, into ``perCenter``.
  func halfGaps() {
    for j in 0..<clusters {
      // The centre itself is "known" at distance ∞: the best found is the nearest other.
      perCenter[j] =
        search(
          centers + j * dimension, sum: Self.sum(centers + j * dimension, dimension), known: Int32(j),
          knownDistance: .infinity, second: false
        ).distance / 2
    }
  }

  /// One assignment pass with Hamerly's bounds; returns how many points changed centre.
  func assign() -> Int {
    halfGaps()
    forEachBlock { blockNumber, start, end in
      var moved = 0
      let d = self.dimension
      for i in start..<end {
        let a = self.assignments[i]
        let bound = max(self.perCenter[Int(a)], self.lower[i])
        if self.upper[i] <= bound { continue }
        let x = self.points + i * d
        self.upper[i] = Self.distance(x, self.centers + Int(a) * d, d)
        if self.upper[i] <= bound { continue }
        let found = self.search(x, sum: self.sums[i], known: a, knownDistance: self.upper[i], second: true)
        if found.best != a { moved += 1 }
        self.assignments[i] = found.best
        self.upper[i] = found.distance
        self.lower[i] = found.second
      }
      self.perBlock[blockNumber] = Double(moved)
    }
    return (0..<blocks).reduce(0) { $0 + Int(perBlock[$1]) }
  }

  /// Moves each centre to the mean of its points (an empty cluster keeps its centre) and the
  /// bounds by how far the centres moved.
  func update() {
    var totals = [Double](repeating: 0, count: clusters * dimension)
    var members = [Int](repeating: 0, count: clusters)
    totals.withUnsafeMutableBufferPointer { totals in
      for i in 0..<count {
        let j = Int(assignments[i])
        members[j] += 1
        let x = points + i * dimension
        for l in 0..<dimension { totals[j * dimension + l] += Double(x[l]) }
      }
    }
    var moved = [Float](repeating: 0, count: clusters)
    var old = [Float](repeating: 0, count: dimension)
    for j in 0..<clusters where members[j] > 0 {
      let c = centers + j * dimension
      for l in 0..<dimension {
        old[l] = c[l]
        c[l] = Float(totals[j * dimension + l] / Double(members[j]))
      }
      moved[j] = old.withUnsafeBufferPointer { Self.distance($0.baseAddress!, c, dimension) }
    }
    // A point's lower bound falls by the largest move of any centre but its own.
    var largest = 0
    for j in 0..<clusters where moved[j] > moved[largest] { largest = j }
    var secondMove: Float = 0
    for j in 0..<clusters where j != largest { secondMove = max(secondMove, moved[j]) }
    for i in 0..<count {
      let a = Int(assignments[i])
      upper[i] += moved[a]
      lower[i] = max(0, lower[i] - (a == largest ? secondMove : moved[largest]))
    }
    sortCenters()
  }

  /// The sum of each point's exact distance to its centre.
  func totalDistance() -> Double {
    var total = 0.0
    for i in 0..<count {
      total += Double(Self.distance(points + i * dimension, centers + Int(assignments[i]) * dimension, dimension))
    }
    return total
  }
}
