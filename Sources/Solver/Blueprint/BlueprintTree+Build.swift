import Foundation
import PokerRules

extension BlueprintTree {
  /// Builds the betting tree of a heads-up game under an action abstraction (every action of a
  /// limit game; a bet menu for no-limit).
  ///
  /// - Parameter maxNodes: refuse trees with more nodes than this (counted before building).
  /// - Throws: ``SolverError`` for games of more than two players, no-limit games without a
  ///   menu, and trees over `maxNodes`.
  public init(
    game: GameDefinition, actions: ActionAbstraction? = nil, maxNodes: Int = 50_000_000
  ) throws(SolverError) {
    guard game.numPlayers == 2 else {
      throw SolverError(
        .unsupportedGame, "the blueprint trainer plays heads-up games; this game has \(game.numPlayers) players")
    }
    guard game.betting == .limit || actions != nil else {
      throw SolverError(
        .unsupportedGame, "a no-limit blueprint needs a bet menu (--bets); the real game's every raise size is too many"
      )
    }
    let abstraction = actions ?? .every
    let root = State(game: game, holeCardsHidden: true)
    let count = BlueprintTree.countNodes(root, abstraction, limit: maxNodes)
    guard count <= maxNodes else {
      throw SolverError(
        .gameTooLarge,
        "the betting tree has more than \(maxNodes) nodes under this bet menu; use fewer sizes or a lower raise cap")
    }
    var nodes: [BlueprintNode] = []
    var incoming: [Action?] = []
    nodes.reserveCapacity(count)
    incoming.reserveCapacity(count)
    var roundActions = [Int32](repeating: 0, count: game.numRounds)
    nodes.append(
      BlueprintNode(kind: 0, round: 0, childCount: 0, folder: 0, firstChild: -1, actionOffset: -1, spent0: 0, spent1: 0)
    )
    incoming.append(nil)
    func fill(_ index: Int, _ state: State) {
      var state = state
      BlueprintTree.dealPastChance(&state)
      var node = BlueprintNode(
        kind: 0, round: UInt8(state.round), childCount: 0, folder: 0, firstChild: -1, actionOffset: -1,
        spent0: Int32(state.spent[0]), spent1: Int32(state.spent[1]))
      if state.isTerminal {
        if state.activeCount == 1 {
          node.kind = BlueprintNode.fold
          node.folder = state.folded[0] ? 0 : 1
        } else {
          node.kind = BlueprintNode.showdown
        }
        nodes[index] = node
        return
      }
      let choices = abstraction.actions(state)
      node.kind = UInt8(state.currentPlayer)
      node.childCount = UInt8(choices.count)
      node.firstChild = Int32(nodes.count)
      node.actionOffset = roundActions[state.round]
      roundActions[state.round] += Int32(choices.count)
      nodes[index] = node
      for action in choices {
        nodes.append(node)
        incoming.append(action)
      }
      for (a, action) in choices.enumerated() {
        fill(Int(node.firstChild) + a, try! state.applying(action))
      }
    }
    fill(0, root)
    self.init(game: game, abstraction: abstraction, nodes: nodes, incoming: incoming)
  }

  /// Deals placeholder cards until the betting goes on or the hand ends: the betting does not
  /// depend on which cards come.
  static func dealPastChance(_ state: inout State) {
    while state.isChanceNode {
      let dealt = state.dealtCards
      try! state.deal(state.game.deck.first { !dealt.contains($0) }!)
    }
  }

  /// Nodes of the tree below `state`, counting no further than just past `limit`.
  static func countNodes(_ state: State, _ abstraction: ActionAbstraction, limit: Int) -> Int {
    var count = 0
    func walk(_ state: State) {
      if count > limit { return }
      var state = state
      dealPastChance(&state)
      count += 1
      if state.isTerminal { return }
      for action in abstraction.actions(state) { walk(try! state.applying(action)) }
    }
    walk(state)
    return count
  }
}
