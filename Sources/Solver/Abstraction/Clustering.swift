/// What ``KMeans`` or ``EMDKMeans`` found: the centres, each point's cluster and the sum of
/// distances.
public struct Clustering: Sendable, Equatable {
  /// How distances are measured.
  public enum Metric: String, Sendable {
    /// ‖x − c‖² (``KMeans``).
    case squaredEuclidean
    /// ‖x − c‖₁ of cumulative distributions, the earth mover's distance of histograms
    /// (``EMDKMeans``).
    case earthMover
  }

  /// How distances are measured.
  public var metric: Metric = .squaredEuclidean
  /// Floats per point and per centre.
  public let dimension: Int
  /// The centres, `clusters × dimension`, one after another.
  public let centers: [Float]
  /// Each point's cluster.
  public let assignments: [Int32]
  /// The sum over points of the distance (squared, for ``Metric/squaredEuclidean``) to their
  /// centre.
  public let inertia: Double
  /// For ``KMeans``, the sum after each pass (it never rises); for ``EMDKMeans``, the points that
  /// changed cluster in each pass.
  public let history: [Double]

  /// Lloyd passes run.
  public var iterations: Int { history.count }
  /// Clusters.
  public var clusters: Int { centers.count / dimension }

  /// Each of `points` (`dimension` floats each) to its nearest centre, decided as the fit does
  /// (for ``KMeans``, products through OpenBLAS to shortlist and exact distances to choose).
  public func nearest(_ points: [Float], block: Int? = nil, threads: Int = 1) -> [Int32] {
    guard !points.isEmpty else { return [] }
    if metric == .earthMover { return EMDKMeans.nearest(points, clustering: self, threads: threads) }
    return points.withUnsafeBufferPointer { buffer in
      var state = KMeansLloyd(
        points: buffer.baseAddress!, count: points.count / dimension, dimension: dimension, clusters: clusters,
        block: block ?? KMeans.defaultBlock(clusters: clusters), threads: threads)
      state.centers = centers
      _ = state.assign()
      return state.assignments
    }
  }
}
