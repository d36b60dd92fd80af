import Cards
import PokerRules

/// What local best response knows of the opponent's cards during one hand: per way the
/// opponent's blueprint may have read the betting (its translation draws are its own), a
/// weight per opponent hand: the prior (0 for hands that clash with LBR's cards or the board)
/// times the reading's probability times the opponent's probability of its actions so far.
/// The opponent's range is the weights' sum over readings.
struct OpponentBelief {
  var readings: [(reading: BlueprintReading, weights: [Double])]

  init(prior: [Double], root: State) {
    readings = [(BlueprintReading(node: 0, menuState: root), prior)]
  }

  /// The opponent's range: per hand, the total weight.
  var range: [Double] {
    var total = readings[0].weights
    for k in readings.indices.dropFirst() {
      for h in total.indices { total[h] += readings[k].weights[h] }
    }
    return total
  }

  /// Takes the opponent's `action` at the real decision `real`: each hand's weight times its
  /// probability of the action under each reading (`probability(node, menuState, h)`), and the
  /// readings moved past it.
  mutating func observeOpponent(
    _ action: Action, real: State, policy: BlueprintPolicy, buckets: [Int32], translation: ActionTranslation
  ) {
    var next: [(reading: BlueprintReading, weights: [Double])] = []
    for (reading, weights) in readings {
      var weights = weights
      if let (node, menuState) = policy.decision(reading, real: real) {
        let actions = policy.realActions(node, menuState: menuState, real: real)
        let matching = actions.indices.filter { actions[$0] == action }
        for h in weights.indices where weights[h] > 0 {
          let start = policy.entry(node: node, bucket: Int(buckets[h]))
          var p = 0.0
          for j in matching { p += Double(policy.probabilities[start + j]) }
          weights[h] *= p
        }
        let moved = policy.readings(of: action, from: reading, real: real, mine: true, translation: translation)
        next.append((moved.first?.reading ?? BlueprintReading(node: nil, menuState: reading.menuState), weights))
      } else {
        // Off the tree the blueprint checks and calls.
        if action != .call { for h in weights.indices { weights[h] = 0 } }
        next.append((BlueprintReading(node: nil, menuState: reading.menuState), weights))
      }
    }
    readings = Self.merged(next)
  }

  /// Takes LBR's `action` at `real`: each reading splits into the ways the opponent may read it.
  mutating func observeOwn(_ action: Action, real: State, policy: BlueprintPolicy, translation: ActionTranslation) {
    var next: [(reading: BlueprintReading, weights: [Double])] = []
    for (reading, weights) in readings {
      let options = policy.readings(of: action, from: reading, real: real, mine: false, translation: translation)
      if options.isEmpty {
        next.append((BlueprintReading(node: nil, menuState: reading.menuState), weights))
      }
      for (moved, p) in options where p > 0 {
        next.append((moved, weights.map { $0 * p }))
      }
    }
    readings = Self.merged(next)
  }

  /// Per hand, the weight with which the opponent folds to LBR's `action` at `real` (the state
  /// after it is `after`), summed over readings; a reading off the tree calls.
  func foldWeights(
    to action: Action, real: State, after: State, policy: BlueprintPolicy, buckets: [Int32],
    translation: ActionTranslation
  ) -> [Double] {
    var folds = [Double](repeating: 0, count: readings[0].weights.count)
    for (reading, weights) in readings {
      for (moved, p) in policy.readings(of: action, from: reading, real: real, mine: false, translation: translation) {
        guard let (node, menuState) = policy.decision(moved, real: after) else { continue }
        guard let fold = policy.realActions(node, menuState: menuState, real: after).firstIndex(of: .fold) else {
          continue
        }
        for h in weights.indices where weights[h] > 0 {
          folds[h] +=
            p * weights[h] * Double(policy.probabilities[policy.entry(node: node, bucket: Int(buckets[h])) + fold])
        }
      }
    }
    return folds
  }

  /// Readings at the same node merged (the tree fixes the betting state there); all readings
  /// off the tree merged into one.
  static func merged(_ list: [(reading: BlueprintReading, weights: [Double])]) -> [(
    reading: BlueprintReading, weights: [Double]
  )] {
    var result: [(reading: BlueprintReading, weights: [Double])] = []
    for item in list {
      if let k = result.firstIndex(where: { $0.reading.node == item.reading.node }) {
        for h in item.weights.indices { result[k].weights[h] += item.weights[h] }
      } else {
        result.append(item)
      }
    }
    return result
  }
}
