import Cards
import Foundation
import PokerRules
import Solver

/// The readable reference: CFR over the full game tree (every history, cards dealt one at a
/// time), with information sets keyed by their readable names. Slow and plain on purpose; the
/// fast solver must agree with it.
final class ReferenceCFR {
  /// One history of the full game tree.
  struct Node {
    var state: State
    /// Children with their probabilities (chance) or actions (decisions).
    var children: [Int] = []
    var chanceProbabilities: [Double] = []
    var infoset = -1
  }

  let game: GameDefinition
  let algorithm: Algorithm
  var nodes: [Node] = []
  var keys: [String] = []
  var index: [String: Int] = [:]
  var actionCounts: [Int] = []
  var regrets: [[Double]] = []
  var sums: [[Double]] = []
  var predictions: [[Double]] = []
  var iteration = 0

  init(_ game: GameDefinition, algorithm: Algorithm) {
    self.game = game
    self.algorithm = algorithm
    _ = build(State(game: game))
  }

  static func key(_ state: State) -> String {
    let seat = state.currentPlayer
    return InformationSetKey.make(
      seat: seat, hole: state.holeCards[seat],
      boardByRound: (0...state.round).map { Array(state.boardCards(ofRound: $0)) },
      actionsByRound: state.actions, noLimit: state.game.betting == .noLimit)
  }

  private func build(_ state: State) -> Int {
    let id = nodes.count
    nodes.append(Node(state: state))
    if state.isTerminal { return id }
    if state.isChanceNode {
      let cards = game.deck.filter { !state.dealtCards.contains($0) }
      for card in cards {
        let child = build(try! state.dealing(card))
        nodes[id].children.append(child)
        nodes[id].chanceProbabilities.append(1 / Double(cards.count))
      }
      return id
    }
    let key = ReferenceCFR.key(state)
    let actions = state.legalActions!.representative
    if index[key] == nil {
      index[key] = keys.count
      keys.append(key)
      actionCounts.append(actions.count)
      regrets.append([Double](repeating: 0, count: actions.count))
      sums.append(regrets.last!)
      predictions.append(regrets.last!)
    }
    nodes[id].infoset = index[key]!
    for action in actions { nodes[id].children.append(build(try! state.applying(action))) }
    return id
  }

  /// Regret matching (predictive for PCFR+).
  func currentStrategy(_ infoset: Int) -> [Double] {
    let positive = regrets[infoset].indices.map { a -> Double in
      if case .predictivePlus = algorithm { return max(regrets[infoset][a] + predictions[infoset][a], 0) }
      return max(regrets[infoset][a], 0)
    }
    let total = positive.reduce(0, +)
    let count = actionCounts[infoset]
    return total > 0 ? positive.map { $0 / total } : [Double](repeating: 1 / Double(count), count: count)
  }

  func averageStrategy(_ infoset: Int) -> [Double] {
    let total = sums[infoset].reduce(0, +)
    let count = actionCounts[infoset]
    return total > 0 ? sums[infoset].map { $0 / total } : [Double](repeating: 1 / Double(count), count: count)
  }

  /// Returns every player's value; updates `player`'s regrets and sums along the way, adding each
  /// history's term at once, in walk order (OpenSpiel's order, so the reference repeats its
  /// floating-point operations).
  private func walk(
    _ id: Int, _ reach: [Double], _ player: Int, _ strategies: [[Double]], _ pending: inout [Int: [Double]]
  ) -> [Double] {
    let node = nodes[id]
    if node.state.isTerminal { return node.state.payoffs! }
    if node.state.isChanceNode {
      var value = [Double](repeating: 0, count: game.numPlayers)
      for (child, probability) in zip(node.children, node.chanceProbabilities) {
        var next = reach
        next[game.numPlayers] *= probability
        let childValue = walk(child, next, player, strategies, &pending)
        for p in value.indices { value[p] += probability * childValue[p] }
      }
      return value
    }
    let actor = node.state.currentPlayer
    let strategy = strategies[node.infoset]
    var value = [Double](repeating: 0, count: game.numPlayers)
    var childValues: [[Double]] = []
    for (a, child) in node.children.enumerated() {
      var next = reach
      next[actor] *= strategy[a]
      let childValue = walk(child, next, player, strategies, &pending)
      childValues.append(childValue)
      for p in value.indices { value[p] += strategy[a] * childValue[p] }
    }
    if actor == player {
      let others = reach.indices.filter { $0 != actor }.reduce(1.0) { $0 * reach[$1] }
      var instant = pending[node.infoset] ?? [Double](repeating: 0, count: strategy.count)
      for a in strategy.indices {
        let regret = others * (childValues[a][actor] - value[actor])
        regrets[node.infoset][a] += regret
        instant[a] += regret
        sums[node.infoset][a] += algorithm.averageIncrement(iteration, reach: reach[actor], probability: strategy[a])
      }
      pending[node.infoset] = instant
    }
    return value
  }

  func iterate() {
    iteration += 1
    let t = Double(iteration)
    for player in 0..<game.numPlayers {
      var pending: [Int: [Double]] = [:]
      let strategies = keys.indices.map(currentStrategy)
      _ = walk(0, [Double](repeating: 1, count: game.numPlayers + 1), player, strategies, &pending)
      for (infoset, instant) in pending {
        for a in instant.indices {
          switch algorithm {
          case .cfr:
            break
          case .cfrPlus:
            regrets[infoset][a] = max(regrets[infoset][a], 0)
          case .predictivePlus:
            regrets[infoset][a] = max(regrets[infoset][a], 0)
            predictions[infoset][a] = instant[a]
          case .discounted(let alpha, let beta, _):
            let exponent = regrets[infoset][a] >= 0 ? alpha : beta
            regrets[infoset][a] *= pow(t, exponent) / (pow(t, exponent) + 1)
          }
        }
      }
    }
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
