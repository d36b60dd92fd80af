import Cards
import PokerRules

extension BlueprintTrainer {
  /// The average strategy as a policy of the real game, where the game compiles (small games):
  /// each information set plays its bucket's strategy at the matching betting node. With
  /// ``LosslessBuckets`` this is the trained strategy itself, which the exact best response can
  /// then judge.
  ///
  /// - Throws: ``SolverError`` when the compiled game's betting differs from the tree's.
  public func policy(on game: CompiledGame) throws(SolverError) -> Policy {
    var probabilities = [Double](repeating: 0, count: game.slotCount)
    let handCount = game.hands.count
    let hands = game.hands.map { Array($0) }
    var failure: SolverError?
    func visit(_ compiled: Int, _ node: Int) {
      if failure != nil { return }
      switch game.kind[compiled] {
      case .terminal:
        return
      case .chance:
        let start = Int(game.childStart[compiled])
        for i in 0..<Int(game.childCount[compiled]) { visit(Int(game.children[start + i]), node) }
      case .decision:
        let entry = tree.nodes[node]
        let count = Int(game.childCount[compiled])
        let start = Int(game.childStart[compiled])
        guard entry.isDecision, Int(entry.childCount) == count else {
          failure = SolverError(.badParameter, "the compiled game's betting does not match the blueprint's tree")
          return
        }
        let board = Array(game.board[compiled])
        let round = Int(game.round[compiled])
        let slot = Int(game.slotOffset[compiled])
        for hand in 0..<handCount {
          let strategy: [Double]
          if game.hands[hand].isDisjoint(with: game.board[compiled]) {
            strategy = averageStrategy(
              node: node, bucket: cardBuckets.bucket(hole: hands[hand], board: board, round: round))
          } else {
            strategy = Array(repeating: 1 / Double(count), count: count)
          }
          for a in 0..<count { probabilities[slot + a * handCount + hand] = strategy[a] }
        }
        for a in 0..<count {
          let child = Int(game.children[start + a])
          guard let action = game.incomingAction[child], let next = tree.child(of: node, action: action) else {
            failure = SolverError(.badParameter, "the compiled game has an action the blueprint's tree lacks")
            return
          }
          visit(child, next)
        }
      }
    }
    visit(0, 0)
    if let failure { throw failure }
    return Policy(game: game, probabilities: probabilities)
  }
}
