import Cards
import PokerRules

/// The readable name of an information set: `seat:hole cards:betting:board`, with the betting in
/// ACPC notation (rounds separated by `/`) and the board by round (also `/`-separated), for
/// example `1:Qs:rr/c:Ah` or `0:AhKh:cc/r:Ks7d3h/9c`. Hole cards and each round's board cards are
/// written in increasing card order. Policy exports are keyed by it.
public enum InformationSetKey {
  public static func make(
    seat: Int, hole: [Card], boardByRound: [[Card]], actionsByRound: [[Action]], noLimit: Bool
  ) -> String {
    let betting = actionsByRound.map { $0.map { $0.acpc(withSize: noLimit) }.joined() }.joined(separator: "/")
    let board = boardByRound.map { $0.sorted().map(\.description).joined() }.joined(separator: "/")
    return "\(seat):\(hole.sorted().map(\.description).joined()):\(betting):\(board)"
  }
}

extension CompiledGame {
  /// The actions per round and board cards per round on the way to `node`.
  public func history(of node: Int) -> (actions: [[Action]], board: [[Card]]) {
    var actions = [[Action]](repeating: [], count: Int(round[node]) + 1)
    var boards = [[Card]](repeating: [], count: Int(round[node]) + 1)
    var current = node
    while parent[current] >= 0 {
      let above = Int(parent[current])
      if kind[above] == .decision, let action = incomingAction[current] {
        actions[Int(round[above])].insert(action, at: 0)
      } else if kind[above] == .chance {
        boards[Int(round[current])] += Array(board[current].subtracting(board[above]))
      }
      current = above
    }
    return (actions, boards)
  }

  /// The readable key of the information set of `hand` at decision `node`.
  public func informationSetKey(node: Int, hand: Int) -> String {
    let (actions, boards) = history(of: node)
    return InformationSetKey.make(
      seat: Int(player[node]), hole: Array(hands[hand]), boardByRound: boards, actionsByRound: actions,
      noLimit: definition.betting == .noLimit)
  }

  /// Whether `hand` can be held at `node` (it shares no card with the board).
  public func isPossible(hand: Int, at node: Int) -> Bool { hands[hand].isDisjoint(with: board[node]) }
}
