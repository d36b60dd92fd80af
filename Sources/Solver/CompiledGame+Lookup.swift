import Cards
import PokerRules

extension CompiledGame {
  /// The node reached by the given betting and board cards (as a match state shows them), or nil
  /// when the history is not in the tree. Raises match by kind (limit) or by total (no-limit).
  public func node(actions: [[Action]], board: [[Card]]) -> Int? {
    var node = 0
    var round = 0
    var taken = 0
    while true {
      switch kind[node] {
      case .terminal:
        return taken == actions.reduce(0) { $0 + $1.count } ? node : nil
      case .chance:
        let want = CardSet(board.prefix(Int(self.round[node]) + 1).joined())
        let start = Int(childStart[node])
        guard
          let child = (0..<Int(childCount[node])).map({ Int(children[start + $0]) })
            .first(where: { self.board[$0] == want })
        else { return nil }
        node = child
      case .decision:
        round = Int(self.round[node])
        let done = actions.prefix(round).reduce(0) { $0 + $1.count }
        let index = taken - done
        guard round < actions.count, index < actions[round].count else { return node }
        let wanted = actions[round][index]
        let start = Int(childStart[node])
        let options = (0..<Int(childCount[node])).map { Int(children[start + $0]) }
        guard
          let child = options.first(where: { option in
            switch (incomingAction[option], wanted) {
            case (.fold, .fold), (.call, .call): true
            case (.raise(let a), .raise(let b)): definition.betting == .limit || a == b
            default: false
            }
          })
        else { return nil }
        node = child
        taken += 1
      }
    }
  }

  /// The index of a set of hole cards in ``hands``.
  public func handIndex(_ cards: [Card]) -> Int? {
    let set = CardSet(cards)
    return hands.firstIndex(of: set)
  }
}
