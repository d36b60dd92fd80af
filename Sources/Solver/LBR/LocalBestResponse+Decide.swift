import Cards
import PokerRules
import Randomness

extension LocalBestResponse {
  /// LBR's action at its decision `state`: the best of its choices if both players only check
  /// and call afterwards (ties go to the more passive action; a fold only when every other
  /// action loses).
  func decide(
    _ state: State, belief: OpponentBelief, buckets: [Int32], live: [Bool], mine: [Card],
    shares cache: inout SharesCache
  ) -> Action {
    let candidates = actions.actions(at: state)
    guard candidates.count > 1 else { return .call }
    let range = belief.range
    let shares: [Double]
    if let known = cache.byRound[state.round] {
      shares = known
    } else {
      shares = odds.shares(hole: mine, board: state.board, live: live, generator: &cache.rolls)
      cache.byRound[state.round] = shares
    }
    let pot = Double(state.pot)
    let asked = Double(state.maxSpent - state.spent[state.currentPlayer])
    func share(_ weights: [Double]) -> Double? {
      var total = 0.0
      var won = 0.0
      for h in weights.indices where weights[h] > 0 {
        total += weights[h]
        won += weights[h] * shares[h]
      }
      return total > 0 ? won / total : nil
    }
    let mass = range.reduce(0, +)
    guard mass > 0, let wp = share(range) else { return .call }
    var best: Action = .call
    var bestValue = wp * pot - (1 - wp) * asked
    for action in candidates {
      guard case .raise(let to) = action else { continue }
      let a = Double(to - state.maxSpent)
      let after = try! state.applying(action)
      let folds = foldWeights(to: action, at: state, after: after, belief: belief, buckets: buckets, range: range)
      let fp = folds.reduce(0, +) / mass
      var value = fp * pot
      if fp < 1 {
        let calling = range.indices.map { range[$0] - folds[$0] }
        let wpCalled = share(calling) ?? wp
        value += (1 - fp) * (wpCalled * (pot + a) - (1 - wpCalled) * (asked + a))
      }
      if value > bestValue {
        best = action
        bestValue = value
      }
    }
    if bestValue < 0, candidates.contains(.fold) { return .fold }
    return best
  }

  /// Per opponent hand, the weight with which it folds to LBR's raise `action`.
  func foldWeights(
    to action: Action, at state: State, after: State, belief: OpponentBelief, buckets: [Int32], range: [Double]
  ) -> [Double] {
    switch opponent {
    case .alwaysCall: return [Double](repeating: 0, count: range.count)
    case .alwaysFold: return after.legalActions?.canFold == true ? range : [Double](repeating: 0, count: range.count)
    case .blueprint(let policy, _, let translation):
      return belief.foldWeights(
        to: action, real: state, after: after, policy: policy, buckets: buckets, translation: translation)
    }
  }
}
