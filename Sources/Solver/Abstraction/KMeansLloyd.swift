import Dispatch
import Randomness

/// The working state of one ``KMeans`` fit: the points (borrowed), their squared norms, the
/// centres and the assignments, in flat buffers.
struct KMeansLloyd: @unchecked Sendable {
  let points: UnsafePointer<Float>
  let count: Int
  let dimension: Int
  let clusters: Int
  let block: Int
  /// Threads the blocks of a pass are split among.
  let threads: Int
  /// ‖x‖² per point.
  var norms: [Float]
  var centers: [Float]
  var assignments: [Int32]
  /// Each point's squared distance to its centre after the last ``assign()``.
  var distances: [Float]
  var inertia = 0.0

  init(points: UnsafePointer<Float>, count: Int, dimension: Int, clusters: Int, block: Int, threads: Int = 1) {
    self.threads = max(1, threads)
    self.points = points
    self.count = count
    self.dimension = dimension
    self.clusters = clusters
    self.block = max(1, block)
    norms = (0..<count).map { i in
      var sum: Float = 0
      for l in 0..<dimension { sum += points[i * dimension + l] * points[i * dimension + l] }
      return sum
    }
    centers = [Float](repeating: 0, count: clusters * dimension)
    assignments = [Int32](repeating: -1, count: count)
    distances = [Float](repeating: 0, count: count)
  }

  /// ‖x_i − c_j‖² summed in Double in coordinate order: the figure every decision rests on, so
  /// that OpenBLAS's rounding (which changes with its thread count) never shows. The products
  /// only shortlist: centres within ``slack`` of the product's best are compared by this.
  func exactDistance(_ i: Int, _ j: Int) -> Float {
    centers.withUnsafeBufferPointer {
      Self.exactDistance(points + i * dimension, $0.baseAddress! + j * dimension, dimension)
    }
  }

  /// ‖x − c‖² over `dimension` coordinates, summed in Double in coordinate order.
  @inline(__always)
  static func exactDistance(_ x: UnsafePointer<Float>, _ c: UnsafePointer<Float>, _ dimension: Int) -> Float {
    var sum = 0.0
    for l in 0..<dimension {
      let difference = Double(x[l]) - Double(c[l])
      sum += difference * difference
    }
    return Float(sum)
  }

  /// How far a product-based squared distance may be from the exact one, relative to
  /// ‖x‖² + ‖c‖² (single-precision products over up to a few hundred coordinates).
  static let slack: Float = 1e-4

  /// k-means++: the first centre a uniformly drawn point, each next one a point drawn with
  /// probability proportional to its squared distance to the nearest centre so far.
  mutating func seed(with seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    var nearest = [Float](repeating: .infinity, count: count)
    var dots = [Float](repeating: 0, count: count)
    var chosen = random.uniform(below: count)
    for center in 0..<clusters {
      for l in 0..<dimension { centers[center * dimension + l] = points[chosen * dimension + l] }
      let norm = norms[chosen]
      centers.withUnsafeBufferPointer { c in
        BLAS.multiply(points, rows: count, columns: dimension, vector: c.baseAddress! + center * dimension, into: &dots)
      }
      var total = 0.0
      for i in 0..<count {
        let estimate = norms[i] - 2 * dots[i] + norm
        if estimate <= nearest[i] + Self.slack * (norms[i] + norm) {
          nearest[i] = min(nearest[i], exactDistance(i, center))
        }
        total += Double(nearest[i])
      }
      guard center + 1 < clusters else { break }
      if total > 0 {
        let target = random.unitDouble() * total
        var running = 0.0
        chosen = count - 1
        for i in 0..<count where nearest[i] > 0 {
          running += Double(nearest[i])
          chosen = i
          if running > target { break }
        }
      } else {
        // Every point sits on a centre already (repeated points): take the next in order.
        chosen = center + 1
      }
    }
  }

  /// Each point to its nearest centre; returns whether any point changed cluster.
  mutating func assign() -> Bool {
    var centerNorms = [Float](repeating: 0, count: clusters)
    for j in 0..<clusters {
      var sum: Float = 0
      for l in 0..<dimension { sum += centers[j * dimension + l] * centers[j * dimension + l] }
      centerNorms[j] = sum
    }
    let largestNorm = centerNorms.max() ?? 0
    let blocks = (count + block - 1) / block
    var blockTotals = [Double](repeating: 0, count: blocks)
    var blockChanged = [Bool](repeating: false, count: blocks)
    let workers = min(threads, blocks)
    let state = self
    // One scoped handle per buffer for the whole pass; blocks split among the threads, each
    // writing only its own rows and its own block's total.
    centers.withUnsafeBufferPointer { c in
      centerNorms.withUnsafeBufferPointer { centerNorm in
        norms.withUnsafeBufferPointer { norm in
          assignments.withUnsafeMutableBufferPointer { assigned in
            distances.withUnsafeMutableBufferPointer { distance in
              blockTotals.withUnsafeMutableBufferPointer { totals in
                blockChanged.withUnsafeMutableBufferPointer { changes in
                  let buffers = Buffers(
                    centers: c.baseAddress!, centerNorms: centerNorm.baseAddress!, norms: norm.baseAddress!,
                    assigned: assigned.baseAddress!, distances: distance.baseAddress!, totals: totals.baseAddress!,
                    changed: changes.baseAddress!)
                  // One OpenBLAS thread per product: the products are small (a few coordinates
                  // deep), and the blocks are already split among the threads.
                  let saved = BLAS.threads
                  BLAS.threads = 1
                  DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    var product = [Float](repeating: 0, count: min(state.block, state.count) * state.clusters)
                    product.withUnsafeMutableBufferPointer { product in
                      for blockIndex in stride(from: worker, to: blocks, by: workers) {
                        state.assign(
                          block: blockIndex, buffers, largestNorm: largestNorm, products: product.baseAddress!)
                      }
                    }
                  }
                  BLAS.threads = saved
                }
              }
            }
          }
        }
      }
    }
    let changed = blockChanged.contains(true)
    let total = blockTotals.reduce(0, +)
    inertia = total
    return changed
  }

  /// The pass's buffers, each block writing only its own rows and its own slot.
  struct Buffers: @unchecked Sendable {
    let centers: UnsafePointer<Float>
    let centerNorms: UnsafePointer<Float>
    let norms: UnsafePointer<Float>
    let assigned: UnsafeMutablePointer<Int32>
    let distances: UnsafeMutablePointer<Float>
    let totals: UnsafeMutablePointer<Double>
    let changed: UnsafeMutablePointer<Bool>
  }

  /// One block of points to their nearest centres.
  func assign(
    block blockIndex: Int, _ buffers: Buffers, largestNorm: Float, products: UnsafeMutablePointer<Float>
  ) {
    let start = blockIndex * block
    let rows = min(block, count - start)
    // Scores ‖c‖² − 2 x·c (‖x‖² is the same for every centre): each row starts as the centres'
    // norms and the product, times −2, is added in place.
    for row in 0..<rows { (products + row * clusters).update(from: buffers.centerNorms, count: clusters) }
    BLAS.multiplyTransposedAdding(
      points + start * dimension, rows: rows, by: buffers.centers, rows: clusters, columns: dimension, alpha: -2,
      into: products)
    var total = 0.0
    var changed = false
    for row in 0..<rows {
      let i = start + row
      let scores = products + row * clusters
      var lowest = Lanes.Vector(repeating: .infinity)
      var j = 0
      while j + Lanes.width <= clusters {
        let score = Lanes.load(scores, j)
        lowest = lowest.replacing(with: score, where: score .< lowest)
        j += Lanes.width
      }
      var estimate = min(min(lowest[0], lowest[1]), min(lowest[2], lowest[3]))
      while j < clusters {
        estimate = min(estimate, scores[j])
        j += 1
      }
      // The shortlist, compared exactly (the first of equals wins).
      let bound = estimate + Self.slack * (buffers.norms[i] + largestNorm)
      var best = 0
      var bestDistance = Float.infinity
      for j in 0..<clusters where scores[j] <= bound {
        let distance = Self.exactDistance(points + i * dimension, buffers.centers + j * dimension, dimension)
        if distance < bestDistance {
          bestDistance = distance
          best = j
        }
      }
      if buffers.assigned[i] != Int32(best) {
        buffers.assigned[i] = Int32(best)
        changed = true
      }
      buffers.distances[i] = bestDistance
      total += Double(bestDistance)
    }
    buffers.totals[blockIndex] = total
    buffers.changed[blockIndex] = changed
  }

  /// Each centre to the mean of its points (summed in Double, in point order); an empty
  /// cluster takes the point farthest from its centre that no other empty cluster took.
  mutating func update() {
    var sums = [Double](repeating: 0, count: clusters * dimension)
    var sizes = [Int](repeating: 0, count: clusters)
    for i in 0..<count {
      let j = Int(assignments[i])
      sizes[j] += 1
      for l in 0..<dimension { sums[j * dimension + l] += Double(points[i * dimension + l]) }
    }
    var taken = Set<Int>()
    for j in 0..<clusters {
      if sizes[j] > 0 {
        for l in 0..<dimension { centers[j * dimension + l] = Float(sums[j * dimension + l] / Double(sizes[j])) }
      } else {
        var farthest = -1
        for i in 0..<count where !taken.contains(i) && (farthest < 0 || distances[i] > distances[farthest]) {
          farthest = i
        }
        taken.insert(farthest)
        for l in 0..<dimension { centers[j * dimension + l] = points[farthest * dimension + l] }
      }
    }
  }
}
