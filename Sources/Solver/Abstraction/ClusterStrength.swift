import Cards

/// Opponent-cluster hand strength on the river (OCHS, the river feature of Johanson et al.'s
/// abstractions): for a two-card hand on a five-card board, against each cluster of opponent
/// hands, the share it beats (ties counting half) of that cluster's hands that share no card with
/// it or the board.
///
/// A board's features for all 1,081 live hands take one sort and one sweep: hands in rank order,
/// counts per cluster of the hands below and within each tie group, overall and per card, and
/// each hand's counts read off with the hands sharing its cards taken out.
///
/// ```swift
/// let strength = try ClusterStrength(clusterOfPair: clusters)   // 1,326 cluster numbers
/// let features = strength.features(board: CardSet(try Card.parseList("Qs Jh 2h 8d 3s")))
/// features[ClusterStrength.pairIndex(48, 51) * strength.clusters + 0]   // AcAs against cluster 0
/// ```
public struct ClusterStrength: Sendable {
  /// Each two-card hand's cluster, by ``pairIndex(_:_:)``.
  public let clusterOfPair: [UInt8]
  /// Clusters (the largest number in `clusterOfPair` plus one).
  public let clusters: Int

  /// Two-card hands.
  public static let pairCount = 1_326

  /// - Throws: ``SolverError`` (`badParameter`) unless there are 1,326 cluster numbers.
  public init(clusterOfPair: [UInt8]) throws(SolverError) {
    guard clusterOfPair.count == Self.pairCount else {
      throw SolverError(
        .badParameter,
        "opponent clusters: \(clusterOfPair.count) cluster numbers, one per two-card hand (1,326) expected")
    }
    self.clusterOfPair = clusterOfPair
    clusters = Int(clusterOfPair.max()!) + 1
  }

  /// The number of the two-card hand of cards `a` and `b` (card indices, in either order):
  /// colex, `0 ..< 1326`.
  @inline(__always)
  public static func pairIndex(_ a: Int, _ b: Int) -> Int {
    let (low, high) = a < b ? (a, b) : (b, a)
    return high * (high - 1) / 2 + low
  }

  /// Every two-card hand's features on a five-card `board`: `1326 × clusters` floats, hand by
  /// hand (``pairIndex(_:_:)``), each in 0...1 (½ against a cluster with no live hand); hands
  /// that share a card with the board get 0.
  public func features(board: CardSet, evaluator: HandEvaluator = .shared) -> [Float] {
    let k = clusters
    let boardHand = Hand(board)
    var live: [(rank: UInt16, pair: Int32, a: UInt8, b: UInt8)] = []
    live.reserveCapacity(1_081)
    for high in 1..<52 where !board.contains(Card(index: high)) {
      for low in 0..<high where !board.contains(Card(index: low)) {
        let rank = evaluator.rank(of: boardHand + Hand(Card(index: low)) + Hand(Card(index: high))).value
        live.append((rank, Int32(Self.pairIndex(low, high)), UInt8(low), UInt8(high)))
      }
    }
    live.sort { ($0.rank, $0.pair) < ($1.rank, $1.pair) }
    // Counts per cluster: all live hands, and those holding each card.
    var all = [Int](repeating: 0, count: k)
    var allWith = [Int](repeating: 0, count: 52 * k)
    for hand in live {
      let cluster = Int(clusterOfPair[Int(hand.pair)])
      all[cluster] += 1
      allWith[Int(hand.a) * k + cluster] += 1
      allWith[Int(hand.b) * k + cluster] += 1
    }
    var below = [Int](repeating: 0, count: k)
    var belowWith = [Int](repeating: 0, count: 52 * k)
    var tied = [Int](repeating: 0, count: k)
    var tiedWith = [Int](repeating: 0, count: 52 * k)
    var result = [Float](repeating: 0, count: Self.pairCount * k)
    var start = 0
    while start < live.count {
      var end = start
      while end < live.count && live[end].rank == live[start].rank { end += 1 }
      for hand in live[start..<end] {
        let cluster = Int(clusterOfPair[Int(hand.pair)])
        tied[cluster] += 1
        tiedWith[Int(hand.a) * k + cluster] += 1
        tiedWith[Int(hand.b) * k + cluster] += 1
      }
      for hand in live[start..<end] {
        let own = Int(clusterOfPair[Int(hand.pair)])
        let a = Int(hand.a) * k
        let b = Int(hand.b) * k
        for j in 0..<k {
          // The hand itself holds both its cards: taken out twice, counted once; add it back.
          let itself = own == j ? 1 : 0
          let total = all[j] - allWith[a + j] - allWith[b + j] + itself
          let beaten = below[j] - belowWith[a + j] - belowWith[b + j]
          let ties = tied[j] - tiedWith[a + j] - tiedWith[b + j] + itself
          result[Int(hand.pair) * k + j] = total > 0 ? (Float(beaten) + Float(ties) / 2) / Float(total) : 0.5
        }
      }
      for hand in live[start..<end] {
        let cluster = Int(clusterOfPair[Int(hand.pair)])
        below[cluster] += 1
        belowWith[Int(hand.a) * k + cluster] += 1
        belowWith[Int(hand.b) * k + cluster] += 1
        tied[cluster] = 0
        tiedWith[Int(hand.a) * k + cluster] = 0
        tiedWith[Int(hand.b) * k + cluster] = 0
      }
      start = end
    }
    return result
  }
}
