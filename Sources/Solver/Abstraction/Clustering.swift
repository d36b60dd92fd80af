/// What ``KMeans`` found: the centres, each point's cluster and the sum of squared distances.
public struct Clustering: Sendable, Equatable {
  /// Floats per point and per centre.
  public let dimension: Int
  /// The centres, `clusters × dimension`, one after another.
  public let centers: [Float]
  /// Each point's cluster.
  public let assignments: [Int32]
  /// The sum over points of the squared distance to their centre.
  public let inertia: Double
  /// The sum after each pass (it never rises).
  public let history: [Double]

  /// Lloyd passes run.
  public var iterations: Int { history.count }
  /// Clusters.
  public var clusters: Int { centers.count / dimension }

  /// Each of `points` (`dimension` floats each) to its nearest centre, decided as ``KMeans`` does
  /// (products through OpenBLAS to shortlist, exact distances to choose).
  public func nearest(_ points: [Float], block: Int = 4096, threads: Int = 1) -> [Int32] {
    guard !points.isEmpty else { return [] }
    return points.withUnsafeBufferPointer { buffer in
      var state = KMeansLloyd(
        points: buffer.baseAddress!, count: points.count / dimension, dimension: dimension, clusters: clusters,
        block: block, threads: threads)
      state.centers = centers
      _ = state.assign()
      return state.assignments
    }
  }
}
