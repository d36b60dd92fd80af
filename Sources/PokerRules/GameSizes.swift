import Cards

/// How large a game's tree is, with cards dealt one at a time as chance nodes.
///
/// Counted by walking the betting tree once (cards do not change what may be bet) and
/// multiplying each node by the number of card deals that reach it: `D!/(D-k)!` ordered deals
/// for histories, and for information sets the number of distinct (own hole cards, board of each
/// round) combinations, each as a set. Values are `Double` because limit hold'em's counts pass
/// 2^64; they are exact below 2^53.
public struct GameSizes: Codable, Sendable, Hashable {
  /// All nodes: chance, decision and terminal.
  public var histories: Double
  public var chanceNodes: Double
  public var decisionNodes: Double
  public var terminalNodes: Double
  /// Information sets of each seat.
  public var informationSets: [Double]
  /// Information-set/action pairs of each seat (the size of a strategy).
  public var informationSetActions: [Double]
  /// Sequences in the betting tree alone (no cards).
  public var bettingNodes: Int

  /// Counts a game's tree, or returns nil when its betting tree has more than `limit` nodes (as
  /// no-limit hold'em's does).
  public static func count(_ game: GameDefinition, limit: Int = 2_000_000) -> GameSizes? {
    var sizes = GameSizes(
      histories: 0, chanceNodes: 0, decisionNodes: 0, terminalNodes: 0,
      informationSets: Array(repeating: 0, count: game.numPlayers),
      informationSetActions: Array(repeating: 0, count: game.numPlayers), bettingNodes: 0)
    let deck = game.deck
    let deckSize = game.deckSize
    // Ordered deals of k cards: D!/(D-k)!.
    let ordered = (0...game.cardsDealt).map { k in (0..<k).reduce(1.0) { $0 * Double(deckSize - $1) } }
    // Distinct views a seat can have by round: its hole set, then each round's board set.
    let views = (0..<game.numRounds).map { round -> Double in
      var count = binomial(deckSize, game.numHoleCards)
      var left = deckSize - game.numHoleCards
      for r in 0...round {
        count *= binomial(left, game.boardCards[r])
        left -= game.boardCards[r]
      }
      return count
    }
    var tooLarge = false
    func walk(_ state: State) {
      if tooLarge { return }
      sizes.bettingNodes += 1
      if sizes.bettingNodes > limit {
        tooLarge = true
        return
      }
      var state = state
      var dealt = state.dealtCards.count
      while state.isChanceNode {
        sizes.chanceNodes += ordered[dealt]
        let card = deck.first { !state.dealtCards.contains($0) }!
        try! state.deal(card)
        dealt += 1
      }
      if state.isTerminal {
        sizes.terminalNodes += ordered[dealt]
        return
      }
      let legal = state.legalActions!
      var actions: [Action] = []
      if legal.canFold { actions.append(.fold) }
      actions.append(.call)
      if let range = legal.raiseTo { actions += range.map { Action.raise(to: $0) } }
      sizes.decisionNodes += ordered[dealt]
      sizes.informationSets[state.currentPlayer] += views[state.round]
      sizes.informationSetActions[state.currentPlayer] += views[state.round] * Double(actions.count)
      for action in actions { walk(try! state.applying(action)) }
    }
    walk(State(game: game))
    if tooLarge { return nil }
    sizes.histories = sizes.chanceNodes + sizes.decisionNodes + sizes.terminalNodes
    return sizes
  }
}

/// The number of ways to choose `k` of `n` items, as a `Double` (exact below 2^53).
public func binomial(_ n: Int, _ k: Int) -> Double {
  guard k >= 0, k <= n else { return 0 }
  return (0..<k).reduce(1.0) { $0 * Double(n - $1) / Double($1 + 1) }
}
