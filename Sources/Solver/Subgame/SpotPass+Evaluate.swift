extension SpotPass {
  /// How an evaluation walk plays the evaluated player's own nodes.
  enum Play {
    /// The action best for each hand: a best response to the opponent's average strategy.
    case best
    /// The average strategy: the value of the solved profile.
    case average
    /// Both at once, the average's values then the best response's (two vectors of the
    /// player's hands): the terminals, which cost most, are valued once for both.
    case both

    /// Value vectors per result.
    var rows: Int { self == .both ? 2 : 1 }
  }

  /// The average strategy at a decision node: strategy sums normalised per hand, uniform where
  /// they are all zero.
  @inline(__always)
  func averageStrategy(
    at offset: Int, actions: Int, hands: Int, into strategy: UnsafeMutablePointer<Double>,
    total: UnsafeMutablePointer<Double>
  ) {
    let count = actions * hands
    if compressed {
      for index in 0..<count { strategy[index] = Double(sums16[offset + index]) }
      // Each hand's values share its exponent; normalising per hand cancels it.
    } else {
      for index in 0..<count { strategy[index] = Double(sums[offset + index]) }
    }
    total.update(repeating: 0, count: hands)
    for action in 0..<actions {
      let row = strategy + action * hands
      for hand in 0..<hands { total[hand] += row[hand] }
    }
    let uniform = 1 / Double(actions)
    for action in 0..<actions {
      let target = strategy + action * hands
      for hand in 0..<hands {
        target[hand] = total[hand] > 0 ? target[hand] / total[hand] : uniform
      }
    }
  }

  /// Fills `out` with the value of each of `player`'s hands below `index`, in Double, the
  /// opponent playing its average strategy and the player as `play` says (`.both`: `2 × hands`
  /// values).
  func evaluate(
    _ index: Int, _ player: Int, _ play: Play, _ reach: UnsafeMutablePointer<Double>,
    _ out: UnsafeMutablePointer<Double>, _ scratch: UnsafeMutablePointer<Double>, parallel: Bool
  ) {
    let node = nodes[index]
    let n = handCount(player)
    let width = play.rows * n
    switch node.kind {
    case SpotNode.decision0, SpotNode.decision1:
      let actions = Int(node.childCount)
      let first = Int(node.firstChild)
      if Int(node.kind) == player {
        let values = scratch
        let strategy = values + actions * width
        let rest = strategy + actions * n
        for action in 0..<actions {
          evaluate(first + action, player, play, reach, values + action * width, rest, parallel: parallel)
        }
        // The best of row `row` of the actions' values.
        func best(row: Int, into target: UnsafeMutablePointer<Double>) {
          target.update(from: values + row * n, count: n)
          for action in 1..<max(actions, 1) {
            let value = values + action * width + row * n
            for hand in 0..<n { target[hand] = max(target[hand], value[hand]) }
          }
        }
        switch play {
        case .best:
          best(row: 0, into: out)
        case .average:
          averageStrategy(at: node.offset, actions: actions, hands: n, into: strategy, total: out)
          mix(values, by: strategy, actions: actions, hands: n, into: out)
        case .both:
          averageStrategy(at: node.offset, actions: actions, hands: n, into: strategy, total: out)
          out.update(repeating: 0, count: n)
          for action in 0..<actions {
            let row = strategy + action * n
            let value = values + action * width
            for hand in 0..<n { out[hand] += row[hand] * value[hand] }
          }
          best(row: 1, into: out + n)
        }
      } else {
        let m = handCount(1 - player)
        let strategy = scratch
        let childReach = strategy + actions * m
        let values = childReach + m
        let rest = values + width
        averageStrategy(at: node.offset, actions: actions, hands: m, into: strategy, total: childReach)
        opponentActions(
          first: first, actions: actions, player: player, strategy: strategy, reach: reach, out: out,
          childReach: childReach, values: values, rows: play.rows
        ) { child, childReach, result in
          evaluate(child, player, play, childReach, result, rest, parallel: parallel)
        }
      }
    case SpotNode.chance:
      // The own-reach buffer is unused here; the chance helper still fills it.
      chance(node, player, reach, scratch, out, scratch + n, parallel: parallel, rows: play.rows) {
        child, reach, _, out, scratch, parallel in
        evaluate(child, player, play, reach, out, scratch, parallel: parallel)
      }
    case SpotNode.fold0, SpotNode.fold1:
      let folder = Int(node.kind - SpotNode.fold0)
      fold(player, reach, payoff: folder == player ? -node.value : node.value, out)
      if play == .both { (out + n).update(from: out, count: n) }
    default:
      showdown(player, reach, board: Int(node.showdownBoard), payoff: node.value, out, scratch)
      if play == .both { (out + n).update(from: out, count: n) }
    }
  }
}
