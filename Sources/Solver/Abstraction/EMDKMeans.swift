import Dispatch

/// k-means under the earth mover's distance, the clustering of distribution-aware flop and turn
/// buckets (Johanson et al., 2013): points are histograms given as cumulative distributions
/// (``StrengthHistograms``), so the distance is the L1 distance of the vectors; centres are mean
/// histograms; k-means++ (squared distances) starts it; Lloyd passes prune with the triangle
/// inequality (Hamerly's bounds) and with the annulus of the vectors' sums (``EMDLloyd``).
///
/// The same seed gives the same bytes for any thread count.
///
/// ```swift
/// let clustering = try EMDKMeans(clusters: 200, seed: 7).fit(cumulative, dimension: 56)
/// ```
public struct EMDKMeans: Sendable {
  /// Clusters wanted.
  public var clusters: Int
  /// The seed for k-means++.
  public var seed: UInt64
  /// Lloyd passes at most.
  public var maxIterations: Int
  /// Passes stop when no more than this share of the points changed cluster.
  public var tolerance: Double = 1e-3
  /// Threads the points of each pass are split among (the results do not depend on it).
  public var threads: Int = 1

  public init(clusters: Int, seed: UInt64, maxIterations: Int = 100) {
    self.clusters = clusters
    self.seed = seed
    self.maxIterations = maxIterations
  }

  /// Clusters `points` (`dimension` floats each, a multiple of 8; pad with zeros).
  ///
  /// - Parameter progress: called after seeding (pass 0) and after each pass with the points
  ///   that changed cluster.
  /// - Throws: ``SolverError`` (`badParameter`) naming what is wrong: no points, a dimension that
  ///   is not a multiple of 8 or does not divide the floats, more clusters than points, a value
  ///   that is not finite.
  public func fit(
    _ points: [Float], dimension: Int, progress: (Int, Int) -> Void = { _, _ in }
  ) throws(SolverError) -> Clustering {
    guard dimension >= 8, dimension % 8 == 0, !points.isEmpty, points.count % dimension == 0 else {
      throw SolverError(
        .badParameter,
        "earth mover's k-means: \(points.count) values are not whole points of dimension \(dimension) (a multiple of 8)"
      )
    }
    let n = points.count / dimension
    guard (1...n).contains(clusters) else {
      throw SolverError(
        .badParameter, "earth mover's k-means: \(clusters) clusters asked of \(n) points (1 to \(n) can be made)")
    }
    if let bad = points.firstIndex(where: { !$0.isFinite }) {
      throw SolverError(.badParameter, "earth mover's k-means: point \(bad / dimension) has a value that is not finite")
    }
    return points.withUnsafeBufferPointer { buffer in
      let state = EMDLloyd(
        points: buffer.baseAddress!, count: n, dimension: dimension, clusters: clusters, threads: threads)
      state.seed(with: seed)
      progress(0, n)
      var history: [Double] = []
      for pass in 1...max(1, maxIterations) {
        let changed = state.assign()
        history.append(Double(changed))
        progress(pass, changed)
        if Double(changed) <= tolerance * Double(n) || pass == maxIterations { break }
        state.update()
      }
      return Clustering(
        metric: .earthMover, dimension: dimension,
        centers: Array(UnsafeBufferPointer(start: state.centers, count: clusters * dimension)),
        assignments: Array(UnsafeBufferPointer(start: state.assignments, count: n)), inertia: state.totalDistance(),
        history: history)
    }
  }

  /// Each of `points` to its nearest centre of `clustering` (annulus walk; ties to the lower
  /// centre number).
  static func nearest(_ points: [Float], clustering: Clustering, threads: Int) -> [Int32] {
    let d = clustering.dimension
    let n = points.count / d
    let state = EMDLloyd(
      points: UnsafePointer(bitPattern: 8)!, count: 0, dimension: d, clusters: clustering.clusters, threads: threads)
    for (l, value) in clustering.centers.enumerated() { state.centers[l] = value }
    state.sortCenters()
    var result = [Int32](repeating: 0, count: n)
    let blocks = (n + EMDLloyd.block - 1) / EMDLloyd.block
    let workers = min(max(1, threads), max(1, blocks))
    points.withUnsafeBufferPointer { p in
      result.withUnsafeMutableBufferPointer { r in
        let handles = Handles(points: p.baseAddress!, result: r.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
          for blockNumber in stride(from: worker, to: blocks, by: workers) {
            for i in (blockNumber * EMDLloyd.block)..<min(n, (blockNumber + 1) * EMDLloyd.block) {
              let x = handles.points + i * d
              handles.result[i] =
                state.search(x, sum: EMDLloyd.sum(x, d), known: -1, knownDistance: .infinity, second: false).best
            }
          }
        }
      }
    }
    return result
  }

  /// The pointers one ``nearest(_:clustering:threads:)`` pass shares among its threads (each
  /// writes only its own blocks).
  struct Handles: @unchecked Sendable {
    let points: UnsafePointer<Float>
    let result: UnsafeMutablePointer<Int32>
  }
}
