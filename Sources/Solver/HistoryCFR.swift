import Foundation
import PokerRules

/// CFR over every history of the full game tree, the plain way: information sets keyed by their
/// readable names, one walk per player per iteration, each history's term added to its
/// information set the moment the walk reaches it.
///
/// This is the readable solver kept beside ``CFRSolver`` (which must agree with it), and the one
/// to use when a result has to match OpenSpiel's tabular solvers digit for digit: it performs
/// their floating-point operations in their order (deals in deck order, actions fold, call,
/// raise, regrets added history by history, CFR+ clipping and DCFR discounting after each
/// player's walk, average-strategy terms multiplied as OpenSpiel multiplies them). On Leduc its
/// CFR+ exploitability after 1,000 iterations equals OpenSpiel's in all 16 digits. ``CFRSolver``
/// sums over hands instead, which is far faster and rounds differently; since regret matching
/// jumps where a regret crosses zero, the two trajectories part after a few hundred iterations.
///
/// Alternating updates only. Regrets, sums and predictions are `Double`, in flat tables indexed
/// by information set offset plus action. Small games only: the whole history tree is kept.
public final class HistoryCFR: @unchecked Sendable {
  /// The most histories the solver builds a tree for.
  public static let maximumHistories = 2_000_000

  struct Node {
    /// -1 for a terminal, -2 for chance, else the player to act.
    var actor: Int
    /// The information set's index at a decision, else -1.
    var informationSet = -1
    var children: [Int] = []
    /// Each chance child's probability.
    var probabilities: [Double] = []
    /// Each player's payoff at a terminal.
    var payoffs: [Double] = []
  }

  /// The game, compiled: what ``averagePolicy()`` and best responses are expressed on.
  public let game: CompiledGame
  public let algorithm: Algorithm
  /// Iterations completed.
  public internal(set) var iteration = 0
  /// Each information set's readable key (``InformationSetKey``), in the order first reached.
  public private(set) var keys: [String] = []
  /// The index of each information set by key.
  public private(set) var index: [String: Int] = [:]
  /// Each information set's first slot in the tables; its actions follow in order.
  var offsets: [Int] = []
  var actionCounts: [Int] = []
  /// The seat that acts at each information set.
  var seats: [Int] = []
  var regrets: [Double] = []
  var sums: [Double] = []
  /// PCFR+'s prediction: each slot's last instantaneous regret.
  var predictions: [Double] = []
  var nodes: [Node] = []

  /// Builds the history tree of `game`.
  ///
  /// - Throws: ``SolverError/Code/gameTooLarge`` past ``maximumHistories``.
  public init(game: CompiledGame, algorithm: Algorithm) throws(SolverError) {
    self.game = game
    self.algorithm = algorithm
    let definition = game.definition
    try HistoryCFR.checkSize(of: definition)
    _ = build(State(game: definition))
    sums = [Double](repeating: 0, count: regrets.count)
    predictions = sums
  }

  /// Refuses a game with more than ``maximumHistories`` histories, before anything is built.
  public static func checkSize(of definition: GameDefinition) throws(SolverError) {
    guard let sizes = GameSizes.count(definition), sizes.histories <= Double(maximumHistories) else {
      throw SolverError(
        .gameTooLarge,
        "the history solver keeps every history, and this game has more than \(maximumHistories); use --solver fast"
      )
    }
  }

  private func build(_ state: State) -> Int {
    let id = nodes.count
    if state.isTerminal {
      nodes.append(Node(actor: -1, payoffs: state.payoffs!))
      return id
    }
    if state.isChanceNode {
      nodes.append(Node(actor: -2))
      let dealt = state.dealtCards
      let cards = state.game.deck.filter { !dealt.contains($0) }
      for card in cards {
        let child = build(try! state.dealing(card))
        nodes[id].children.append(child)
        nodes[id].probabilities.append(1 / Double(cards.count))
      }
      return id
    }
    let seat = state.currentPlayer
    let key = InformationSetKey.make(
      seat: seat, hole: state.holeCards[seat],
      boardByRound: (0...state.round).map { Array(state.boardCards(ofRound: $0)) },
      actionsByRound: state.actions, noLimit: state.game.betting == .noLimit)
    let actions = state.legalActions!.representative
    if index[key] == nil {
      index[key] = keys.count
      keys.append(key)
      offsets.append(regrets.count)
      actionCounts.append(actions.count)
      seats.append(seat)
      regrets += [Double](repeating: 0, count: actions.count)
    }
    nodes.append(Node(actor: seat, informationSet: index[key]!))
    for action in actions { nodes[id].children.append(build(try! state.applying(action))) }
    return id
  }

  /// Bytes of table per information-set action: a `Double` regret and sum (and prediction for
  /// PCFR+). The history tree comes on top.
  public var bytesPerSlot: Int {
    if case .predictivePlus = algorithm { return 24 }
    return 16
  }

  /// The current strategy at information set `set`: regret matching (on regret plus prediction
  /// for PCFR+), uniform where no regret is positive.
  public func currentStrategy(_ set: Int) -> [Double] {
    let start = offsets[set]
    let count = actionCounts[set]
    var positive = [Double](repeating: 0, count: count)
    var total = 0.0
    for a in 0..<count {
      var regret = regrets[start + a]
      if case .predictivePlus = algorithm { regret += predictions[start + a] }
      if regret > 0 {
        positive[a] = regret
        total += regret
      }
    }
    return total > 0 ? positive.map { $0 / total } : [Double](repeating: 1 / Double(count), count: count)
  }

  /// The average strategy at information set `set`, uniform where nothing accumulated.
  public func averageStrategy(_ set: Int) -> [Double] {
    let slice = sums[offsets[set]..<offsets[set] + actionCounts[set]]
    let total = slice.reduce(0, +)
    return total > 0 ? slice.map { $0 / total } : [Double](repeating: 1 / Double(slice.count), count: slice.count)
  }

  /// Runs `count` iterations: for each player in turn, one walk updating that player's regrets
  /// and average strategy, then the algorithm's step on that player's regrets.
  public func iterate(_ count: Int = 1) {
    for _ in 0..<count {
      iteration += 1
      let t = Double(iteration)
      for player in 0..<game.numPlayers {
        let strategies = keys.indices.map(currentStrategy)
        var instant = [Double](repeating: 0, count: regrets.count)
        _ = walk(0, reach: [Double](repeating: 1, count: game.numPlayers + 1), player, strategies, &instant)
        for set in keys.indices where seats[set] == player {
          for slot in offsets[set]..<offsets[set] + actionCounts[set] {
            switch algorithm {
            case .cfr:
              break
            case .cfrPlus:
              regrets[slot] = max(regrets[slot], 0)
            case .predictivePlus:
              regrets[slot] = max(regrets[slot], 0)
              predictions[slot] = instant[slot]
            case .discounted(let alpha, let beta, _):
              let exponent = regrets[slot] >= 0 ? alpha : beta
              regrets[slot] *= pow(t, exponent) / (pow(t, exponent) + 1)
            }
          }
        }
      }
    }
  }

  /// Every player's value at history `id`; adds `player`'s regret and average terms on the way.
  private func walk(
    _ id: Int, reach: [Double], _ player: Int, _ strategies: [[Double]], _ instant: inout [Double]
  ) -> [Double] {
    let node = nodes[id]
    if node.actor == -1 { return node.payoffs }
    var value = [Double](repeating: 0, count: game.numPlayers)
    if node.actor == -2 {
      for (child, probability) in zip(node.children, node.probabilities) {
        var next = reach
        next[game.numPlayers] *= probability
        let childValue = walk(child, reach: next, player, strategies, &instant)
        for p in value.indices { value[p] += probability * childValue[p] }
      }
      return value
    }
    let actor = node.actor
    let strategy = strategies[node.informationSet]
    var childValues: [[Double]] = []
    for (a, child) in node.children.enumerated() {
      var next = reach
      next[actor] *= strategy[a]
      let childValue = walk(child, reach: next, player, strategies, &instant)
      childValues.append(childValue)
      for p in value.indices { value[p] += strategy[a] * childValue[p] }
    }
    guard actor == player else { return value }
    let others = reach.indices.filter { $0 != actor }.reduce(1.0) { $0 * reach[$1] }
    let start = offsets[node.informationSet]
    for a in strategy.indices {
      let regret = others * (childValues[a][actor] - value[actor])
      regrets[start + a] += regret
      instant[start + a] += regret
      sums[start + a] += algorithm.averageIncrement(iteration, reach: reach[actor], probability: strategy[a])
    }
    return value
  }

  /// Each possible (decision node, hand) of ``game`` with its information set here, and where its
  /// first action's probability sits in a policy (later actions follow `hands` apart). Worked out
  /// once, from the readable keys.
  lazy var compiledPlaces: [(set: Int, slot: Int)] = {
    var places: [(set: Int, slot: Int)] = []
    for node in game.decisionNodes.map(Int.init) {
      for hand in game.hands.indices where game.isPossible(hand: hand, at: node) {
        guard let set = index[game.informationSetKey(node: node, hand: hand)] else { continue }
        places.append((set, Int(game.slotOffset[node]) + hand))
      }
    }
    return places
  }()

  /// The average strategy as a policy on ``game``.
  public func averagePolicy() -> Policy {
    var probabilities = Policy.uniform(game).probabilities
    let hands = game.hands.count
    for (set, slot) in compiledPlaces {
      for (a, probability) in averageStrategy(set).enumerated() { probabilities[slot + a * hands] = probability }
    }
    return Policy(game: game, probabilities: probabilities)
  }
}

extension Algorithm {
  /// What iteration `t` adds to an average-strategy sum, multiplied in OpenSpiel's order.
  func averageIncrement(_ t: Int, reach: Double, probability: Double) -> Double {
    switch self {
    case .cfr: reach * probability
    case .cfrPlus: Double(t) * reach * probability
    case .predictivePlus: Double(t * t) * reach * probability
    case .discounted(_, _, let gamma): reach * probability * pow(Double(t), gamma)
    }
  }
}
