import Randomness
import Solver
import Testing

@Suite(.serialized) struct EMDKMeansTests {
  /// Cumulative distributions of random histograms around a few shapes, 16 bins padded to 16.
  static func points(count: Int, seed: UInt64) -> [Float] {
    var random = SeededGenerator(seed: seed)
    var result: [Float] = []
    for _ in 0..<count {
      let shape = random.uniform(below: 5)
      var histogram = [Double](repeating: 0, count: 17)
      for _ in 0..<40 {
        let centre = [2.0, 5.0, 8.0, 12.0, 15.0][shape]
        let bin = Int((centre + (random.unitDouble() - 0.5) * 6).rounded())
        histogram[max(0, min(16, bin))] += 1
      }
      var running = 0.0
      for b in 0..<16 {
        running += histogram[b]
        result.append(Float(running / 40))
      }
    }
    return result
  }

  static func brute(_ x: ArraySlice<Float>, _ centers: [Float], _ dimension: Int) -> (Int, Float) {
    var best = (0, Float.infinity)
    for j in 0..<(centers.count / dimension) {
      var d: Float = 0
      for (l, value) in x.enumerated() { d += abs(value - centers[j * dimension + l]) }
      if d < best.1 { best = (j, d) }
    }
    return best
  }

  /// The pruned passes end with every point at a centre no farther than the nearest one found by
  /// brute force, and the same for new points; two threads give the same bytes as one.
  @Test func prunedAssignmentsAreNearestAndThreadsAgree() throws {
    let d = 16
    let points = Self.points(count: 6_000, seed: 1)
    var kmeans = EMDKMeans(clusters: 40, seed: 9)
    kmeans.tolerance = 0
    let one = try kmeans.fit(points, dimension: d)
    kmeans.threads = 2
    let two = try kmeans.fit(points, dimension: d)
    #expect(one == two)
    #expect(one.metric == .earthMover)
    #expect(one.iterations > 2)
    var total = 0.0
    for i in 0..<6_000 {
      let x = points[(i * d)..<((i + 1) * d)]
      let (_, best) = Self.brute(x, one.centers, d)
      let a = Int(one.assignments[i])
      let mine = Self.brute(x, Array(one.centers[(a * d)..<((a + 1) * d)]), d).1
      #expect(abs(mine - best) <= 1e-5 * max(1, best), "point \(i)")
      total += Double(mine)
    }
    #expect(abs(one.inertia - total) <= 1e-6 * total)
    let fresh = Self.points(count: 3_000, seed: 2)
    let nearest = one.nearest(fresh, threads: 2)
    for i in 0..<3_000 {
      let x = fresh[(i * d)..<((i + 1) * d)]
      let (_, best) = Self.brute(x, one.centers, d)
      let a = Int(nearest[i])
      #expect(abs(Self.brute(x, Array(one.centers[(a * d)..<((a + 1) * d)]), d).1 - best) <= 1e-5 * max(1, best))
    }
  }

  /// More clusters fit better, and Lloyd passes improve on the seeding.
  @Test func moreClustersFitBetter() throws {
    let points = Self.points(count: 4_000, seed: 4)
    let few = try EMDKMeans(clusters: 3, seed: 1).fit(points, dimension: 16)
    let five = try EMDKMeans(clusters: 5, seed: 1).fit(points, dimension: 16)
    let many = try EMDKMeans(clusters: 50, seed: 1).fit(points, dimension: 16)
    #expect(few.inertia > five.inertia)
    #expect(five.inertia > many.inertia)
    let seedOnly = try EMDKMeans(clusters: 50, seed: 1, maxIterations: 1).fit(points, dimension: 16)
    #expect(many.inertia < seedOnly.inertia)
  }

  @Test func badInputIsRefused() {
    #expect(throws: SolverError.self) {
      try EMDKMeans(clusters: 2, seed: 1).fit([Float](repeating: 0, count: 12), dimension: 12)
    }
    #expect(throws: SolverError.self) {
      try EMDKMeans(clusters: 3, seed: 1).fit([Float](repeating: 0, count: 16), dimension: 8)
    }
    #expect(throws: SolverError.self) {
      try EMDKMeans(clusters: 1, seed: 1).fit([.nan] + [Float](repeating: 0, count: 7), dimension: 8)
    }
  }
}
