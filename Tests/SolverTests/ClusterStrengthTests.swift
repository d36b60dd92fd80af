import Cards
import Randomness
import Solver
import Testing

struct ClusterStrengthTests {
  /// Against every live opponent hand one by one: the sweep's figures for every hand on random
  /// boards, with hands spread over eight clusters at random.
  @Test func sweepAgreesWithPairByPair() throws {
    var random = SeededGenerator(seed: 4)
    let clusters = (0..<ClusterStrength.pairCount).map { _ in UInt8(random.uniform(below: 8)) }
    let strength = try ClusterStrength(clusterOfPair: clusters)
    let evaluator = HandEvaluator.shared
    for _ in 0..<3 {
      var deck = Array(0..<52)
      random.shuffle(&deck)
      let board = CardSet(deck[0..<5].map { Card(index: $0) })
      let features = strength.features(board: board)
      let live = (0..<52).filter { !board.contains(Card(index: $0)) }
      var hands: [(a: Int, b: Int, rank: UInt16)] = []
      for (i, a) in live.enumerated() {
        for b in live[(i + 1)...] {
          hands.append((a, b, evaluator.rank(of: board.union(CardSet([Card(index: a), Card(index: b)]))).value))
        }
      }
      var worst: Float = 0
      for hero in hands {
        var beaten = [Double](repeating: 0, count: 8)
        var total = [Double](repeating: 0, count: 8)
        for villain in hands
        where villain.a != hero.a && villain.a != hero.b && villain.b != hero.a && villain.b != hero.b {
          let cluster = Int(clusters[ClusterStrength.pairIndex(villain.a, villain.b)])
          total[cluster] += 1
          beaten[cluster] += hero.rank > villain.rank ? 1 : (hero.rank == villain.rank ? 0.5 : 0)
        }
        for j in 0..<8 {
          let expected = total[j] > 0 ? Float(beaten[j] / total[j]) : 0.5
          worst = max(worst, abs(features[ClusterStrength.pairIndex(hero.a, hero.b) * 8 + j] - expected))
        }
      }
      #expect(worst < 1e-6)
    }
  }

  /// One cluster: plain hand strength; the nuts score 1 and hands on the board 0.
  @Test func oneClusterIsHandStrength() throws {
    let strength = try ClusterStrength(clusterOfPair: [UInt8](repeating: 0, count: 1_326))
    let board = try CardSet(Card.parseList("As Ks Qs Js 2d"))
    let features = strength.features(board: board)
    let royal = try Card.parseList("Ts 3c").map { Int($0.index) }
    #expect(features[ClusterStrength.pairIndex(royal[0], royal[1])] == 1)
    let onBoard = try Card.parseList("As 3c").map { Int($0.index) }
    #expect(features[ClusterStrength.pairIndex(onBoard[0], onBoard[1])] == 0)
    #expect(throws: SolverError.self) { try ClusterStrength(clusterOfPair: [0, 1]) }
  }
}
