import Cards
import PokerRules
import Solver

/// After each of your decisions, how much expected value it gave up against the equilibrium:
/// the equilibrium's own mix at your information set, valued with both players following the
/// equilibrium afterwards and the opponent's possible hands weighted by how likely the
/// equilibrium makes its betting so far. Needs a game small enough to walk (Kuhn, Leduc).
public struct Coach: Sendable {
  public let policy: Policy
  public let game: GameDefinition
  public private(set) var decisions = 0
  public private(set) var givenUp = 0.0

  /// What one decision was worth.
  public struct Review: Sendable, Hashable {
    /// Expected chips of each legal action, in the policy's action order.
    public var actions: [Action]
    /// The actions in words (fold, check, call, bet, raise), as the screen names them.
    public var labels: [String]
    public var values: [Double]
    /// The equilibrium's probabilities and expected chips at this information set.
    public var equilibrium: [Double]
    public var equilibriumValue: Double
    public var chosenValue: Double
    /// Equilibrium value minus the chosen action's (≥ 0 up to the policy's own exploitability).
    public var givenUp: Double { equilibriumValue - chosenValue }
  }

  public init(policy: Policy) {
    self.policy = policy
    game = policy.game.definition
  }

  /// The equilibrium's probabilities at the state's decision, for the player to act.
  func strategy(_ state: State) -> [(Action, Double)]? {
    let seat = state.currentPlayer
    let board = (0...state.round).map { Array(state.boardCards(ofRound: $0)) }
    guard let hand = policy.game.handIndex(state.holeCards[seat]),
      let node = policy.game.node(actions: state.actions, board: board), policy.game.kind[node] == .decision
    else { return nil }
    let actions = policy.game.actions(at: node)
    return actions.indices.map { (actions[$0], policy.probability(node: node, action: $0, hand: hand)) }
  }

  /// Expected chips for `seat` from `state` when both follow the equilibrium.
  func value(_ state: State, for seat: Int) -> Double {
    if state.isTerminal { return state.payoffs?[seat] ?? 0 }
    if state.isChanceNode {
      let dealt = state.dealtCards
      let left = game.deck.filter { !dealt.contains($0) }
      var total = 0.0
      for card in left {
        var next = state
        try? next.deal(card)
        total += value(next, for: seat)
      }
      return left.isEmpty ? 0 : total / Double(left.count)
    }
    guard let mix = strategy(state) else { return 0 }
    var total = 0.0
    for (action, probability) in mix where probability > 0 {
      var next = state
      guard (try? next.apply(action)) != nil else { continue }
      total += probability * value(next, for: seat)
    }
    return total
  }

  /// Reviews `chosen`, taken by the viewer of `view` (its match state at the decision).
  public func review(view: MatchState, chosen: Action) -> Review? {
    guard let replayed = try? view.replay(game: game), let mine = view.holeCards[view.position] else { return nil }
    let you = view.position
    let board = Array(view.boardCards.joined())
    let seen = CardSet(mine + board)
    let unseen = game.deck.filter { !seen.contains($0) }
    let opponents = (0..<game.numPlayers).filter { $0 != you }
    guard opponents.count == 1, game.numHoleCards == 1 || game.numHoleCards == 2 else { return nil }
    var candidates: [[Card]] = []
    if game.numHoleCards == 1 {
      candidates = unseen.map { [$0] }
    } else {
      for i in unseen.indices { for j in unseen.indices where j > i { candidates.append([unseen[i], unseen[j]]) } }
    }
    var states: [State] = []
    var weights: [Double] = []
    for cards in candidates {
      var holes = [[Card]](repeating: [], count: game.numPlayers)
      holes[you] = mine
      holes[opponents[0]] = cards
      var reach = 1.0
      guard
        let state = Replay.state(
          game: game, holeCards: holes, board: board, actions: replayed.actions,
          visit: { at, action in
            guard at.currentPlayer != you else { return }
            reach *= strategy(at)?.first(where: { $0.0 == action })?.1 ?? 0
          }), state.isDecisionNode, state.currentPlayer == you
      else { continue }
      states.append(state)
      weights.append(reach)
    }
    guard let first = states.first, let mix = strategy(first) else { return nil }
    var total = weights.reduce(0, +)
    if total <= 0 {
      // The opponent's betting is impossible under the equilibrium: weigh its hands alike.
      weights = weights.map { _ in 1 }
      total = Double(weights.count)
    }
    let values = mix.map { action, _ in
      zip(states, weights).reduce(0.0) { sum, pair in
        var next = pair.0
        guard (try? next.apply(action)) != nil else { return sum }
        return sum + pair.1 / total * value(next, for: you)
      }
    }
    let chosenIndex = mix.firstIndex { action, _ in
      switch (action, chosen) {
      case (.raise, .raise): return true
      default: return action == chosen
      }
    }
    let equilibriumValue = zip(mix, values).reduce(0.0) { $0 + $1.0.1 * $1.1 }
    let facing = first.maxSpent - first.spent[you]
    let labels = mix.map { action, _ in
      switch action {
      case .fold: "fold"
      case .call: facing == 0 ? "check" : "call"
      case .raise: facing == 0 && first.actions[first.round].allSatisfy({ $0 == .call }) ? "bet" : "raise"
      }
    }
    return Review(
      actions: mix.map(\.0), labels: labels, values: values, equilibrium: mix.map(\.1),
      equilibriumValue: equilibriumValue,
      chosenValue: chosenIndex.map { values[$0] } ?? equilibriumValue)
  }

  /// Adds a reviewed decision to the session's total.
  public mutating func count(_ review: Review) {
    decisions += 1
    givenUp += review.givenUp
  }
}
