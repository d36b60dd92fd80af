import Randomness
import Solver
import Testing

/// Serialized: one test sets OpenBLAS's thread count, which is process-wide.
@Suite(.serialized) struct KMeansTests {
  /// `count` points around each of `centers` (Gaussian-ish noise of about `spread`), shuffled;
  /// returns the points and each one's true centre.
  static func blobs(_ centers: [[Float]], count: Int, spread: Float, seed: UInt64) -> ([Float], [Int]) {
    var random = SeededGenerator(seed: seed)
    var labelled: [([Float], Int)] = []
    for (label, center) in centers.enumerated() {
      for _ in 0..<count {
        // A sum of three uniforms: bell-shaped, bounded.
        let point = center.map { value -> Float in
          let noise = (0..<3).map { _ in Float(random.unitDouble()) - 0.5 }.reduce(0, +)
          return value + spread * noise
        }
        labelled.append((point, label))
      }
    }
    random.shuffle(&labelled)
    return (labelled.flatMap(\.0), labelled.map(\.1))
  }

  static func squaredDistance(_ points: [Float], _ i: Int, _ centers: [Float], _ j: Int, _ d: Int) -> Double {
    (0..<d).reduce(0.0) { sum, l in
      let difference = Double(points[i * d + l]) - Double(centers[j * d + l])
      return sum + difference * difference
    }
  }

  /// Six far-apart blobs in 5 dimensions: each blob is one cluster, and each centre is its
  /// blob's mean.
  @Test func separatedBlobsAreRecovered() throws {
    let truth: [[Float]] = (0..<6).map { k in (0..<5).map { l in Float((k * 7 + l * 3) % 11) * 40 } }
    let (points, labels) = Self.blobs(truth, count: 150, spread: 2, seed: 3)
    let clustering = try KMeans(clusters: 6, seed: 11).fit(points, dimension: 5)
    var clusterOf: [Int: Int32] = [:]
    for (label, cluster) in zip(labels, clustering.assignments) {
      if let known = clusterOf[label] { #expect(known == cluster) } else { clusterOf[label] = cluster }
    }
    #expect(Set(clusterOf.values).count == 6)
    for (label, cluster) in clusterOf {
      for l in 0..<5 { #expect(abs(clustering.centers[Int(cluster) * 5 + l] - truth[label][l]) < 0.5) }
    }
  }

  /// On points with no structure: every point ends at its nearest centre (distances computed
  /// naively, not by the matrix product), the inertia is that sum, and it never rose.
  @Test func assignmentsAreNearestAndInertiaFalls() throws {
    var random = SeededGenerator(seed: 5)
    let d = 7
    let points = (0..<(1_500 * d)).map { _ in Float(random.unitDouble()) }
    let clustering = try KMeans(clusters: 40, seed: 2, maxIterations: 300).fit(points, dimension: d)
    var total = 0.0
    for i in 0..<1_500 {
      let own = Self.squaredDistance(points, i, clustering.centers, Int(clustering.assignments[i]), d)
      let best = (0..<40).map { Self.squaredDistance(points, i, clustering.centers, $0, d) }.min()!
      #expect(own <= best + 1e-5)
      total += own
    }
    #expect(abs(total - clustering.inertia) < 1e-3 * total)
    for (before, after) in zip(clustering.history, clustering.history.dropFirst()) {
      #expect(after <= before * (1 + 1e-6))
    }
    #expect(clustering.history.last! < clustering.history.first! * 0.95)
  }

  /// The same seed gives the same bytes, with one product thread or two (products large enough
  /// for OpenBLAS to split them), and with the blocks of each pass split between two threads.
  @Test func seedsReproduceForAnyThreadCount() throws {
    let corners: [[Float]] = [[0, 0, 0, 0, 0, 0, 0, 0], [5, 5, 5, 5, 0, 0, 0, 0], [9, 0, 4, 0, 4, 0, 9, 1]]
    let (points, _) = Self.blobs(corners, count: 1_500, spread: 6, seed: 8)
    let saved = KMeans.productThreads
    defer { KMeans.productThreads = saved }
    var results: [Clustering] = []
    // OpenBLAS threads, then threads splitting the blocks of each pass.
    for (products, passes) in [(1, 1), (2, 1), (1, 1), (1, 2)] {
      KMeans.productThreads = products
      var kmeans = KMeans(clusters: 64, seed: 99)
      kmeans.block = 500
      kmeans.threads = passes
      results.append(try kmeans.fit(points, dimension: 8))
    }
    let sameForTwo = results[0] == results[1]
    let sameAgain = results[0] == results[2]
    let samePassThreads = results[0] == results[3]
    #expect(sameForTwo, "two product threads changed the clustering")
    #expect(sameAgain, "the same seed changed the clustering")
    #expect(samePassThreads, "two threads over the blocks changed the clustering")
  }

  /// As many clusters as distinct points: every point is its own centre.
  /// The pruned k-means++ picks exactly the centres of the plain one (every point's distance to
  /// every centre, the same draws), on random points and on repeated ones.
  @Test func prunedSeedingEqualsThePlainOne() throws {
    var random = SeededGenerator(seed: 21)
    let d = 8
    let uniform = (0..<(3_000 * d)).map { _ in Float(random.unitDouble()) }
    let (clumped, _) = Self.blobs(
      [[0, 0, 0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1, 1]], count: 500, spread: 0.1, seed: 4)
    let repeated = (0..<(200 * d)).map { Float(($0 / d) % 7) }
    for (points, k) in [(uniform, 150), (clumped, 40), (repeated, 12)] {
      let n = points.count / d
      // The plain algorithm, with the fit's draws: nearest squared distances as Float from
      // Double sums, their total in point order, the first point whose running sum passes.
      var draws = SeededGenerator(seed: 77)
      var nearest = [Float](repeating: .infinity, count: n)
      var centers: [Float] = []
      var chosen = draws.uniform(below: n)
      for center in 0..<k {
        centers += points[(chosen * d)..<((chosen + 1) * d)]
        var total = 0.0
        for i in 0..<n {
          nearest[i] = min(nearest[i], Float(Self.squaredDistance(points, i, centers, center, d)))
          total += Double(nearest[i])
        }
        guard center + 1 < k else { break }
        if total > 0 {
          let target = draws.unitDouble() * total
          var running = 0.0
          chosen = n - 1
          for i in 0..<n where nearest[i] > 0 {
            running += Double(nearest[i])
            chosen = i
            if running > target { break }
          }
        } else {
          chosen = center + 1
        }
      }
      #expect(try KMeans(clusters: k, seed: 77).seeds(points, dimension: d) == centers)
    }
  }

  @Test func oneClusterPerPoint() throws {
    let points: [Float] = [0, 0, 1, 0, 0, 1, 5, 5, 2, 9]
    let clustering = try KMeans(clusters: 5, seed: 1).fit(points, dimension: 2)
    #expect(clustering.inertia == 0)
    #expect(Set(clustering.assignments).count == 5)
  }

  @Test func badInputIsNamed() {
    #expect(throws: SolverError.self) { try KMeans(clusters: 2, seed: 1).fit([1, 2, 3], dimension: 2) }
    #expect(throws: SolverError.self) { try KMeans(clusters: 3, seed: 1).fit([1, 2, 3, 4], dimension: 2) }
    #expect(throws: SolverError.self) { try KMeans(clusters: 1, seed: 1).fit([1, .nan], dimension: 2) }
    #expect(throws: SolverError.self) { try KMeans(clusters: 1, seed: 1).fit([], dimension: 2) }
    #expect(throws: SolverError.self) { try KMeans(clusters: 0, seed: 1).fit([1, 2], dimension: 2) }
  }
}

extension KMeansTests {
  /// A fitted clustering sends its own points where the fit did, and new points to the nearest
  /// centre.
  @Test func nearestRepeatsTheFit() throws {
    let (points, _) = Self.blobs([[0, 0], [10, 0], [0, 10]], count: 300, spread: 3, seed: 21)
    let clustering = try KMeans(clusters: 9, seed: 4).fit(points, dimension: 2)
    #expect(clustering.nearest(points, block: 128) == clustering.assignments)
    let fresh: [Float] = [9.5, 0.5, -1, 11]
    for (i, cluster) in clustering.nearest(fresh).enumerated() {
      let best = (0..<9).min {
        Self.squaredDistance(fresh, i, clustering.centers, $0, 2)
          < Self.squaredDistance(fresh, i, clustering.centers, $1, 2)
      }!
      #expect(Int(cluster) == best)
    }
  }
}

extension KMeansTests {
  /// A tolerance stops the passes once one lowers the sum by less than that share, never
  /// before the sum has settled that far; without one the fit runs until no point moves.
  @Test func toleranceStopsEarly() throws {
    var random = SeededGenerator(seed: 31)
    let points = (0..<(3_000 * 4)).map { _ in Float(random.unitDouble()) }
    let full = try KMeans(clusters: 30, seed: 3, maxIterations: 500).fit(points, dimension: 4)
    var kmeans = KMeans(clusters: 30, seed: 3, maxIterations: 500)
    kmeans.tolerance = 1e-3
    let early = try kmeans.fit(points, dimension: 4)
    #expect(early.iterations < full.iterations)
    let last = early.history.suffix(2)
    #expect(last.first! - last.last! <= 1e-3 * last.first!)
    for (before, after) in zip(early.history.dropLast(), early.history.dropLast().dropFirst()) {
      #expect(before - after > 1e-3 * before)
    }
  }
}
