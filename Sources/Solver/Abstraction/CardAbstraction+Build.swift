import Cards
import Foundation
import Randomness

extension CardAbstraction {
  /// What a build is asked for.
  public struct BuildOptions: Sendable {
    /// Buckets per round.
    public var sizes: AbstractionSizes
    /// Bins of the flop and turn strength histograms.
    public var bins = 50
    /// Opponent clusters of the river features.
    public var clusters = 8
    /// Hands sampled to fit each round's centres (all of a round's hands when it has fewer).
    public var sample = 1_000_000
    /// The seed for the opponent clusters, the samples and k-means++.
    public var seed: UInt64 = 1
    /// Threads (the buckets do not depend on it).
    public var threads = 1
    /// Only the first this many canonical boards of each round (a quick try; the other hands
    /// keep zero features).
    public var boards: Int?

    public init(sizes: AbstractionSizes) { self.sizes = sizes }

    /// The header a build with these options writes.
    func header() -> String {
      var fields: [String] = [
        "\"sizes\":\"\(sizes)\"", "\"flopTurn\":\"emd-histograms\"", "\"bins\":\(bins)", "\"river\":\"ochs\"",
        "\"clusters\":\(clusters)", "\"sample\":\(sample)", "\"seed\":\(seed)",
      ]
      if let boards { fields.append("\"boards\":\(boards)") }
      return "{" + fields.joined(separator: ",") + "}"
    }
  }

  /// Builds an abstraction: preflop classes, then for the flop and turn the strength histograms
  /// and earth mover's k-means, then the river's opponent-cluster strengths and k-means.
  ///
  /// - Parameters:
  ///   - progress: a stage name (`strengths`, `flop features`, `flop fitting`, `flop assigning`,
  ///     the same for the turn and the river), work done and work in all.
  ///   - finished: called with each stage's name and seconds as it ends.
  /// - Throws: ``SolverError`` (`badParameter`) for a sample smaller than a round's buckets or bins
  ///   outside 2...255.
  public static func build(
    _ options: BuildOptions, progress: @escaping @Sendable (String, Int, Int) -> Void = { _, _, _ in },
    finished: (String, Double) -> Void = { _, _ in }
  ) throws(SolverError) -> CardAbstraction {
    let sizes = options.sizes
    for round in 1...3 where sizes.buckets[round] > min(options.sample, AbstractionSizes.canonicalHands[round]) {
      throw SolverError(
        .badParameter, "\(sizes.buckets[round]) buckets in round \(round) but only \(options.sample) hands sampled")
    }
    var clock = Date()
    func lap(_ stage: String) {
      finished(stage, Date().timeIntervalSince(clock))
      clock = Date()
    }
    let buffers: [UnsafeMutablePointer<UInt16>] = AbstractionSizes.canonicalHands.map {
      let buffer = UnsafeMutablePointer<UInt16>.allocate(capacity: $0)
      buffer.initialize(repeating: 0, count: $0)
      return buffer
    }
    do {
      for i in 0..<169 { buffers[0][i] = UInt16(i) }
      let strengths = BoardStrengths()
      let boardLimit = { (count: Int) in min(options.boards ?? count, count) }
      strengths.build(
        boards: options.boards.map { limit in Self.runoutBoards(strengths: strengths, limit: limit) },
        threads: options.threads
      ) { progress("strengths", $0, $1) }
      lap("strengths")
      // Counts fit a byte on the turn (46 runouts), need 16 bits on the flop (1,081).
      try distributionAware(
        StrengthHistograms<UInt16>(boardCards: 3, bins: options.bins), round: 1, strengths, options,
        into: buffers[1], progress: progress, lap: lap)
      try distributionAware(
        StrengthHistograms<UInt8>(boardCards: 4, bins: options.bins), round: 2, strengths, options,
        into: buffers[2], progress: progress, lap: lap)
      let opponents = try OpponentClusters.preflop(clusters: options.clusters, seed: options.seed)
      let features = RiverFeatures(clusters: options.clusters)
      features.build(
        strength: try ClusterStrength(clusterOfPair: opponents),
        boards: 0..<boardLimit(RiverFeatures.boardIndexer.size(round: 0)), threads: options.threads
      ) { progress("river features", $0, $1) }
      lap("river features")
      var fitted = false
      let river = try RiverBuckets.build(
        features: features, buckets: sizes.buckets[3], sample: options.sample, seed: options.seed,
        threads: options.threads
      ) { stage, done, total in
        if stage == "assigning" && !fitted {
          fitted = true
          lap("river fitting")
        }
        progress("river \(stage)", done, total)
      }
      lap("river assigning")
      for (i, bucket) in river.buckets.enumerated() { buffers[3][i] = bucket }
    } catch {
      for buffer in buffers { buffer.deallocate() }
      throw error
    }
    return CardAbstraction(sizes: sizes, header: options.header(), owning: buffers)
  }

  /// One distribution-aware round: the histograms, the earth mover's k-means, every hand's
  /// bucket.
  static func distributionAware<Count>(
    _ histograms: StrengthHistograms<Count>, round: Int, _ strengths: BoardStrengths, _ options: BuildOptions,
    into buckets: UnsafeMutablePointer<UInt16>, progress: @escaping @Sendable (String, Int, Int) -> Void,
    lap: (String) -> Void
  ) throws(SolverError) {
    let name = round == 1 ? "flop" : "turn"
    let boards = min(options.boards ?? histograms.boardCount, histograms.boardCount)
    histograms.build(strengths: strengths, boards: 0..<boards, threads: options.threads) {
      progress("\(name) features", $0, $1)
    }
    lap("\(name) features")
    let clustering = try fit(histograms, round: round, options, progress: progress)
    lap("\(name) fitting")
    assign(histograms, clustering, into: buckets, threads: options.threads) { progress("\(name) assigning", $0, $1) }
    lap("\(name) assigning")
  }

  /// The canonical river boards the first `limit` flop and turn boards run out to, and the first
  /// `limit` river boards.
  static func runoutBoards(strengths: BoardStrengths, limit: Int) -> [Int] {
    var boards = Set(0..<min(limit, strengths.boardCount))
    for cards in [3, 4] {
      let indexer = try! HandIndexer(rounds: [cards])
      for index in 0..<min(limit, indexer.size(round: 0)) {
        boards.formUnion(strengths.runouts(of: try! indexer.hand(at: index, round: 0)))
      }
    }
    return boards.sorted()
  }

  /// Floats per point for `bins` bins: the cumulative distribution without its last entry,
  /// padded to a multiple of 8.
  static func dimension(bins: Int) -> Int { (bins - 1 + 7) / 8 * 8 }

  /// Earth mover's k-means on a sample of a round's histograms (all of them when there are no
  /// more than the sample).
  static func fit<Count>(
    _ histograms: StrengthHistograms<Count>, round: Int, _ options: BuildOptions,
    progress: @escaping @Sendable (String, Int, Int) -> Void
  ) throws(SolverError) -> Clustering {
    let d = dimension(bins: histograms.bins)
    let all = options.sample >= histograms.count
    let n = all ? histograms.count : options.sample
    var random = SeededGenerator(seed: options.seed).substream(UInt64(round))
    var points = [Float](repeating: 0, count: n * d)
    points.withUnsafeMutableBufferPointer { buffer in
      for i in 0..<n {
        histograms.cumulative(
          all ? i : random.uniform(below: histograms.count), into: buffer.baseAddress! + i * d, dimension: d)
      }
    }
    var kmeans = EMDKMeans(
      clusters: options.sizes.buckets[round], seed: options.seed &+ UInt64(round), maxIterations: 100)
    kmeans.threads = options.threads
    let name = round == 1 ? "flop" : "turn"
    let clustering = try kmeans.fit(points, dimension: d) { pass, _ in
      progress("\(name) fitting", pass, kmeans.maxIterations)
    }
    // Stopped early: the bar ends full, at the passes run.
    progress("\(name) fitting", clustering.iterations, clustering.iterations)
    return clustering
  }

  /// Every hand of a round to its nearest centre, in chunks.
  static func assign<Count>(
    _ histograms: StrengthHistograms<Count>, _ clustering: Clustering, into buckets: UnsafeMutablePointer<UInt16>,
    threads: Int, progress: (Int, Int) -> Void
  ) {
    let d = clustering.dimension
    // Hands a partial build left out (an empty histogram) all go where the zero vector goes.
    let zeroBucket = UInt16(clustering.nearest([Float](repeating: 0, count: d))[0])
    let chunk = 1 << 16
    var points = [Float](repeating: 0, count: chunk * d)
    var rows = [Int](repeating: 0, count: chunk)
    var start = 0
    while start < histograms.count {
      let count = min(chunk, histograms.count - start)
      var used = 0
      points.withUnsafeMutableBufferPointer { buffer in
        for i in 0..<count {
          guard !histograms.isEmpty(start + i) else {
            buckets[start + i] = zeroBucket
            continue
          }
          histograms.cumulative(start + i, into: buffer.baseAddress! + used * d, dimension: d)
          rows[used] = start + i
          used += 1
        }
      }
      if used > 0 {
        let nearest = clustering.nearest(used == chunk ? points : Array(points[0..<(used * d)]), threads: threads)
        for i in 0..<used { buckets[rows[i]] = UInt16(nearest[i]) }
      }
      start += count
      progress(start, histograms.count)
    }
  }
}
