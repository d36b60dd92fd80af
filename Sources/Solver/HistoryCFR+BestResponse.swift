extension HistoryCFR {
  /// Each information set's strategy in `policy` (a policy on ``game``), indexed like ``keys``.
  public func strategies(from policy: Policy) -> [[Double]] {
    var result = keys.indices.map { [Double](repeating: 1 / Double(actionCounts[$0]), count: actionCounts[$0]) }
    let hands = game.hands.count
    for (set, slot) in compiledPlaces {
      result[set] = (0..<actionCounts[set]).map { policy.probabilities[slot + $0 * hands] }
    }
    return result
  }

  /// The expected payoff of `responder` when it best-responds to everyone else playing
  /// `strategies` (indexed like ``keys``), computed the plain way over every history.
  ///
  /// First each history gets the probability that chance and the others bring play there. Then
  /// the responder's choice at an information set is the action with the largest sum, over the
  /// set's histories, of that probability times the value below; values below come from choices
  /// made the same way deeper down (memoised, so each history is valued once).
  public func bestResponseValue(_ responder: Int, against strategies: [[Double]]) -> Double {
    var othersReach = [Double](repeating: 0, count: nodes.count)
    var historiesOf = [[Int]](repeating: [], count: keys.count)
    func spread(_ id: Int, _ reach: Double) {
      othersReach[id] = reach
      let node = nodes[id]
      switch node.actor {
      case -1:
        return
      case -2:
        for (child, probability) in zip(node.children, node.probabilities) { spread(child, reach * probability) }
      default:
        let strategy = strategies[node.informationSet]
        if node.actor == responder { historiesOf[node.informationSet].append(id) }
        for (a, child) in node.children.enumerated() {
          spread(child, node.actor == responder ? reach : reach * strategy[a])
        }
      }
    }
    spread(0, 1)

    var chosen = [Int?](repeating: nil, count: keys.count)
    var known = [Double?](repeating: nil, count: nodes.count)
    func value(_ id: Int) -> Double {
      if let value = known[id] { return value }
      let node = nodes[id]
      var result = 0.0
      switch node.actor {
      case -1:
        result = node.payoffs[responder]
      case -2:
        for (child, probability) in zip(node.children, node.probabilities) { result += probability * value(child) }
      case responder:
        result = value(node.children[choice(node.informationSet)])
      default:
        let strategy = strategies[node.informationSet]
        for (a, child) in node.children.enumerated() { result += strategy[a] * value(child) }
      }
      known[id] = result
      return result
    }
    func choice(_ set: Int) -> Int {
      if let action = chosen[set] { return action }
      var best = 0
      var bestTotal = -Double.infinity
      for a in 0..<actionCounts[set] {
        var total = 0.0
        for history in historiesOf[set] { total += othersReach[history] * value(nodes[history].children[a]) }
        if total > bestTotal {
          best = a
          bestTotal = total
        }
      }
      chosen[set] = best
      return best
    }
    return value(0)
  }
}
