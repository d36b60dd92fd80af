import Cards
import Randomness
import Solver
import Testing

struct RiverFeaturesTests {
  /// A suit-blind clustering (as real opponent clusters are): the preflop class number mod 8.
  static func classClusters() throws -> [UInt8] {
    let indexer = try HandIndexer(rounds: [2])
    var clusters = [UInt8](repeating: 0, count: ClusterStrength.pairCount)
    for high in 1..<52 {
      for low in 0..<high {
        let index = try indexer.index(of: [Card(index: low), Card(index: high)])
        clusters[ClusterStrength.pairIndex(low, high)] = UInt8(index % 8)
      }
    }
    return clusters
  }

  /// Hands on the first canonical boards, renamed by a random suit permutation, read back the
  /// features computed directly on the renamed board; one thread or two give the same bytes.
  @Test func storedFeaturesMatchDirectOnesForIsomorphicHands() throws {
    let strength = try ClusterStrength(clusterOfPair: Self.classClusters())
    let one = RiverFeatures(clusters: 8)
    one.build(strength: strength, boards: 0..<40, threads: 1)
    let two = RiverFeatures(clusters: 8)
    two.build(strength: strength, boards: 0..<40, threads: 2)
    var random = SeededGenerator(seed: 12)
    var checked = 0
    for boardIndex in 0..<40 {
      let board = try RiverFeatures.boardIndexer.hand(at: boardIndex, round: 0)
      var suits = [0, 1, 2, 3]
      random.shuffle(&suits)
      let renamed = board.map { Card(rank: $0.rank, suit: suits[$0.suit]) }
      let direct = strength.features(board: CardSet(renamed))
      for _ in 0..<25 {
        let live = (0..<52).filter { !renamed.contains(Card(index: $0)) }
        let a = live[random.uniform(below: live.count)]
        var b = a
        while b == a { b = live[random.uniform(below: live.count)] }
        let index = try one.indexer.index(of: [Card(index: a), Card(index: b)] + renamed)
        let expected = (0..<8).map { UInt8((direct[ClusterStrength.pairIndex(a, b) * 8 + $0] * 255).rounded()) }
        #expect(Array(one[index]) == expected)
        #expect(Array(two[index]) == expected)
        checked += 1
      }
    }
    #expect(checked == 1_000)
  }

  /// Preflop opponent clusters: suit-blind, numbered weakest first (aces in the last, 72o in the
  /// first), all eight used, the same for the same seed.
  @Test func preflopClustersOrderHands() throws {
    let clusters = try OpponentClusters.preflop(clusters: 8, samples: 2_000, seed: 5)
    #expect(Set(clusters).count == 8)
    let aces = try Card.parseList("Ac Ad").map { Int($0.index) }
    let otherAces = try Card.parseList("Ah As").map { Int($0.index) }
    let junk = try Card.parseList("7c 2d").map { Int($0.index) }
    #expect(clusters[ClusterStrength.pairIndex(aces[0], aces[1])] == 7)
    #expect(clusters[ClusterStrength.pairIndex(otherAces[0], otherAces[1])] == 7)
    #expect(clusters[ClusterStrength.pairIndex(junk[0], junk[1])] == 0)
    #expect(try OpponentClusters.preflop(clusters: 8, samples: 2_000, seed: 5) == clusters)
    #expect(throws: SolverError.self) { try OpponentClusters.preflop(clusters: 0, seed: 1) }
  }
}
