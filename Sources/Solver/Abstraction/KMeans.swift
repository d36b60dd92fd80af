import Randomness

/// Lloyd's k-means under the squared Euclidean distance, seeded by k-means++, with the
/// point-to-centre distances of each pass run as one matrix product per block of points
/// through OpenBLAS (``BLAS``): ‖x − c‖² = ‖x‖² − 2 x·c + ‖c‖².
///
/// The same seed gives the same bytes (the random draws are the seed's, sums are in Double in
/// point order, and OpenBLAS computes each product entry the same way for any thread count).
///
/// ```swift
/// let clustering = try KMeans(clusters: 200, seed: 7).fit(features, dimension: 8)
/// clustering.assignments[i]   // point i's cluster
/// ```
public struct KMeans: Sendable {
  /// Clusters wanted.
  public var clusters: Int
  /// The seed for k-means++.
  public var seed: UInt64
  /// Lloyd passes at most (it stops earlier when no point changes cluster, or when a pass
  /// lowers the sum of squared distances by less than ``tolerance`` of it).
  public var maxIterations: Int
  /// The relative fall in the sum of squared distances below which passes stop (0: only when no
  /// point moves).
  public var tolerance: Double = 0
  /// Points per matrix product (the product takes `block × clusters` floats; by default about
  /// 2 MB of them, so that they stay in cache between the product and the scan).
  public var block: Int?

  /// About 2 MB of products per block, 64 to 4,096 points.
  static func defaultBlock(clusters: Int) -> Int { max(64, min(4_096, 524_288 / max(1, clusters))) }
  /// Threads the blocks of each pass are split among (each runs its products on one OpenBLAS
  /// thread). The results do not depend on it.
  public var threads: Int = 1

  /// Threads OpenBLAS runs the products on (by default its own choice, the machine's cores). The
  /// results do not depend on it.
  public static var productThreads: Int {
    get { BLAS.threads }
    set { BLAS.threads = newValue }
  }

  public init(clusters: Int, seed: UInt64, maxIterations: Int = 100) {
    self.clusters = clusters
    self.seed = seed
    self.maxIterations = maxIterations
  }

  /// The centres k-means++ starts from (`clusters × dimension` floats), before any pass.
  ///
  /// - Throws: ``SolverError`` (`badParameter`) as ``fit(_:dimension:progress:)`` does.
  public func seeds(_ points: [Float], dimension: Int) throws(SolverError) -> [Float] {
    var once = self
    once.maxIterations = 0
    return try once.fit(points, dimension: dimension).centers
  }

  /// Clusters `points` (`dimension` floats each, one after another).
  ///
  /// - Parameter progress: called after each pass with the pass number and the sum of squared
  ///   distances.
  /// - Throws: ``SolverError``: `io` when OpenBLAS cannot be loaded; `badParameter` naming what
  ///   is wrong: no points, a dimension that does not divide the floats, more clusters than
  ///   points, a value that is not finite.
  public func fit(
    _ points: [Float], dimension: Int, progress: (Int, Double) -> Void = { _, _ in }
  ) throws(SolverError) -> Clustering {
    try BLAS.load()
    guard dimension >= 1, !points.isEmpty, points.count % dimension == 0 else {
      throw SolverError(
        .badParameter, "k-means: \(points.count) values are not whole points of dimension \(dimension)")
    }
    let n = points.count / dimension
    guard (1...n).contains(clusters) else {
      throw SolverError(.badParameter, "k-means: \(clusters) clusters asked of \(n) points (1 to \(n) can be made)")
    }
    if let bad = points.firstIndex(where: { !$0.isFinite }) {
      throw SolverError(.badParameter, "k-means: point \(bad / dimension) has a value that is not finite")
    }
    return points.withUnsafeBufferPointer { buffer in
      var state = KMeansLloyd(
        points: buffer.baseAddress!, count: n, dimension: dimension, clusters: clusters,
        block: block ?? Self.defaultBlock(clusters: clusters))
      state.seed(with: seed)
      guard maxIterations > 0 else {
        return Clustering(
          dimension: dimension, centers: state.centers, assignments: state.assignments, inertia: 0, history: [])
      }
      var history: [Double] = []
      let passes = max(1, maxIterations)
      for pass in 1...passes {
        let changed = state.assign()
        history.append(state.inertia)
        progress(pass, state.inertia)
        let stalled =
          tolerance > 0 && history.count >= 2
          && history[history.count - 2] - state.inertia <= tolerance * history[history.count - 2]
        if (!changed && pass > 1) || stalled || pass == passes { break }
        state.update()
      }
      return Clustering(
        dimension: dimension, centers: state.centers, assignments: state.assignments, inertia: state.inertia,
        history: history)
    }
  }
}
