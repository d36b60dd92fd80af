import Randomness

/// River buckets: k-means (L2) over the opponent-cluster strengths of a seeded sample of
/// canonical river hands, then every canonical hand to its nearest centre.
public enum RiverBuckets {
  /// What a build made: the centres (strengths in 0...1) and each canonical hand's bucket.
  public struct Result: Sendable {
    public let clustering: Clustering
    public let buckets: [UInt16]
  }

  /// Buckets every hand of `features`.
  ///
  /// - Parameters:
  ///   - buckets: how many (at most 65,535).
  ///   - sample: hands drawn (with repeats) to fit the centres on.
  ///   - threads: threads for the k-means passes (the buckets do not depend on it).
  ///   - tolerance: k-means stops when a pass lowers the sum of squared distances by less than
  ///     this share of it (or after 100 passes).
  ///   - progress: a stage name (`fitting`, `assigning`), work done and work in all.
  /// - Throws: ``SolverError`` (`badParameter`) for a count outside 1...65,535 or above the sample.
  public static func build(
    features: RiverFeatures, buckets: Int, sample: Int, seed: UInt64, threads: Int = 1, tolerance: Double = 1e-4,
    progress: (String, Int, Int) -> Void = { _, _, _ in }
  ) throws(SolverError) -> Result {
    guard (1...65_535).contains(buckets), buckets <= sample else {
      throw SolverError(
        .badParameter, "river buckets: \(buckets) asked; 1 to 65,535 and at most the sample (\(sample)) can be made")
    }
    let k = features.clusters
    var random = SeededGenerator(seed: seed)
    var points = [Float](repeating: 0, count: sample * k)
    for i in 0..<sample {
      let hand = random.uniform(below: features.count)
      for j in 0..<k { points[i * k + j] = Float(features.bytes[hand * k + j]) / 255 }
    }
    var kmeans = KMeans(clusters: buckets, seed: seed, maxIterations: 100)
    kmeans.threads = threads
    kmeans.tolerance = tolerance
    let passes = kmeans.maxIterations
    let clustering = try kmeans.fit(points, dimension: k) { pass, _ in progress("fitting", pass, passes) }
    progress("fitting", clustering.iterations, clustering.iterations)
    var result = [UInt16](repeating: 0, count: features.count)
    // Hands with every feature zero (those a partial build left out, and any hand beaten by
    // every cluster) all go where the zero vector goes: found once.
    let zeroBucket = UInt16(clustering.nearest([Float](repeating: 0, count: k))[0])
    let chunk = 1 << 18
    var start = 0
    var chunkPoints = [Float](repeating: 0, count: chunk * k)
    var rows = [Int](repeating: 0, count: chunk)
    while start < features.count {
      let count = min(chunk, features.count - start)
      var used = 0
      for i in 0..<count {
        let row = features.bytes + (start + i) * k
        var any: UInt8 = 0
        for j in 0..<k { any |= row[j] }
        guard any != 0 else {
          result[start + i] = zeroBucket
          continue
        }
        for j in 0..<k { chunkPoints[used * k + j] = Float(row[j]) / 255 }
        rows[used] = start + i
        used += 1
      }
      if used > 0 {
        let nearest = clustering.nearest(Array(chunkPoints[0..<(used * k)]), threads: threads)
        for i in 0..<used { result[rows[i]] = UInt16(nearest[i]) }
      }
      start += count
      progress("assigning", start, features.count)
    }
    return Result(clustering: clustering, buckets: result)
  }
}
