import Cards
import Randomness

/// The opponent clusters river features are measured against: two-card hands grouped by their
/// preflop strength (equity against a random hand, estimated by seeded sampling), by k-means
/// over the 1,326 hands (so each class weighs as many hands as it has).
public enum OpponentClusters {
  /// Each two-card hand's cluster, by ``ClusterStrength/pairIndex(_:_:)``, clusters numbered from
  /// the weakest.
  ///
  /// - Parameters:
  ///   - clusters: how many (at most 169).
  ///   - samples: random deals per preflop class.
  /// - Throws: ``SolverError`` (`badParameter`) for a count outside 1...169 or no samples.
  public static func preflop(clusters: Int = 8, samples: Int = 20_000, seed: UInt64) throws(SolverError) -> [UInt8] {
    guard (1...169).contains(clusters), samples >= 1 else {
      throw SolverError(
        .badParameter, "opponent clusters: 1 to 169 clusters and at least one sample, not \(clusters) and \(samples)")
    }
    let indexer = try! HandIndexer(rounds: [2])
    let evaluator = HandEvaluator.shared
    var equityOfClass = [Float](repeating: 0, count: 169)
    for index in 0..<169 {
      var random = SeededGenerator(seed: seed).substream(UInt64(index))
      let hole = try! indexer.hand(at: index, round: 0)
      let rest = (0..<52).map { Card(index: $0) }.filter { !hole.contains($0) }
      var score = 0.0
      var deck = rest
      for _ in 0..<samples {
        for i in 0..<7 { deck.swapAt(i, i + random.uniform(below: deck.count - i)) }
        let board = Hand(deck[2]) + Hand(deck[3]) + Hand(deck[4]) + Hand(deck[5]) + Hand(deck[6])
        let mine = evaluator.rank(of: board + Hand(hole[0]) + Hand(hole[1]))
        let theirs = evaluator.rank(of: board + Hand(deck[0]) + Hand(deck[1]))
        score += mine > theirs ? 1 : (mine == theirs ? 0.5 : 0)
      }
      equityOfClass[index] = Float(score / Double(samples))
    }
    var points = [Float](repeating: 0, count: ClusterStrength.pairCount)
    for high in 1..<52 {
      for low in 0..<high {
        let cards = [Card(index: low), Card(index: high)]
        points[ClusterStrength.pairIndex(low, high)] = equityOfClass[try! indexer.index(of: cards)]
      }
    }
    let clustering = try KMeans(clusters: clusters, seed: seed).fit(points, dimension: 1)
    // Number the clusters from the weakest centre up.
    let order = (0..<clusters).sorted { clustering.centers[$0] < clustering.centers[$1] }
    var renumber = [UInt8](repeating: 0, count: clusters)
    for (position, cluster) in order.enumerated() { renumber[cluster] = UInt8(position) }
    return clustering.assignments.map { renumber[Int($0)] }
  }
}
