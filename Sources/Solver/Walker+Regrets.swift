import Cards
import Dispatch
import PokerRules

/// The regret rule of a walk: the strategy from cumulative regrets, and each iteration's regrets
/// and strategy weights added.
extension Walker {
  /// 1 / `actions`, looked up rather than divided: a division's latency is on the critical path
  /// of every strategy.
  @inline(__always)
  static func uniformProbability(_ actions: Int) -> Double {
    switch actions {
    case 2: 0.5
    case 3: 1.0 / 3.0
    case 4: 0.25
    default: 1 / Double(actions)
    }
  }

  /// The strategy at a decision node into `sigma` (`actions × hands`).
  func strategy(node: Int, actions: Int, sigma: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>) {
    // A copy per common action count, its loops over actions unrolled (see `decision`).
    switch actions {
    case 2: strategyBody(node: node, actions: 2, sigma: sigma, scratch: scratch)
    case 3: strategyBody(node: node, actions: 3, sigma: sigma, scratch: scratch)
    default: strategyBody(node: node, actions: actions, sigma: sigma, scratch: scratch)
    }
  }

  @inline(__always)
  func strategyBody(
    node: Int, actions: Int, sigma: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>
  ) {
    let hands = handCount
    let slot = Int(game.slotOffset[node])
    if let policy {
      sigma.update(from: policy + slot, count: actions * hands)
      return
    }
    let regrets = regrets!
    let totals = scratch
    let uniform = Walker.uniformProbability(actions)
    let fallback = totals + hands
    if let predictions {
      for a in 0..<actions {
        let row = sigma + a * hands
        let stored = regrets + slot + a * hands
        let predicted = predictions + slot + a * hands
        for h in 0..<hands { row[h] = max(Double(stored[h]) + Double(predicted[h]), 0) }
      }
    } else {
      for a in 0..<actions {
        let row = sigma + a * hands
        let stored = regrets + slot + a * hands
        for h in 0..<hands { row[h] = max(Double(stored[h]), 0) }
      }
    }
    // The totals in action order, then sigma = positive / total, or uniform where nothing is
    // positive; each loop is a plain loop over hands.
    for h in 0..<hands { totals[h] = sigma[h] }
    for a in 1..<max(actions, 1) {
      let row = sigma + a * hands
      for h in 0..<hands { totals[h] += row[h] }
    }
    for h in 0..<hands {
      let total = totals[h]
      totals[h] = total > 0 ? 1 / total : 0
      fallback[h] = total > 0 ? 0 : uniform
    }
    for a in 0..<actions {
      let row = sigma + a * hands
      for h in 0..<hands { row[h] = row[h] * totals[h] + fallback[h] }
    }
  }

  /// Adds this iteration's regrets and strategy weight at one of the traverser's nodes. The rule
  /// is chosen once per row, so each inner loop over hands is a plain arithmetic loop.
  @inline(__always)
  func update(
    node: Int, actions: Int, sigma: UnsafeMutablePointer<Double>, values: UnsafeMutablePointer<Double>,
    value: UnsafeMutablePointer<Double>, ownReach: UnsafeMutablePointer<Double>
  ) {
    let hands = handCount
    let slot = Int(game.slotOffset[node])
    let weight = averageWeight
    for a in 0..<actions {
      let offset = a * hands
      let row = values + offset
      let probabilities = sigma + offset
      let sums = sums! + slot + offset
      for h in 0..<hands { sums[h] += S(weight * ownReach[h] * probabilities[h]) }
      if let collected {
        let target = collected + slot + offset
        for h in 0..<hands { target[h] = row[h] - value[h] }
        continue
      }
      let regrets = regrets! + slot + offset
      switch rule {
      case .plain:
        for h in 0..<hands { regrets[h] = S(Double(regrets[h]) + (row[h] - value[h])) }
      case .floored:
        for h in 0..<hands { regrets[h] = S(max(Double(regrets[h]) + (row[h] - value[h]), 0)) }
      case .discounted(let positive, let negative):
        for h in 0..<hands {
          let updated = Double(regrets[h]) + (row[h] - value[h])
          regrets[h] = S(updated * (updated > 0 ? positive : negative))
        }
      case .predictive:
        let predictions = predictions! + slot + offset
        for h in 0..<hands {
          let instant = row[h] - value[h]
          regrets[h] = S(max(Double(regrets[h]) + instant, 0))
          predictions[h] = S(instant)
        }
      }
    }
  }

  /// Applies one instantaneous regret under a rule.
  @inline(__always)
  static func apply(
    _ rule: Rule, instant: Double, regret: UnsafeMutablePointer<S>, prediction: UnsafeMutablePointer<S>?
  ) {
    switch rule {
    case .plain:
      regret.pointee = S(Double(regret.pointee) + instant)
    case .floored:
      regret.pointee = S(max(Double(regret.pointee) + instant, 0))
    case .discounted(let positive, let negative):
      let updated = Double(regret.pointee) + instant
      regret.pointee = S(updated * (updated > 0 ? positive : negative))
    case .predictive:
      regret.pointee = S(max(Double(regret.pointee) + instant, 0))
      prediction?.pointee = S(instant)
    }
  }
}
