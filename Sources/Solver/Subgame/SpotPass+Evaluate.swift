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

  /// The average strategy at decision `node`: its strategy sums into `sums` (`actions × hands`,
  /// the last row, where the node derives it, `total` less the others', never below zero) and
  /// those normalised per hand into `strategy`, uniform where they are all zero. `total` holds
  /// each hand's sums for the action that led here at the player's previous decision (read only
  /// where the node derives its last row); the rows of `sums` are the totals of the children.
  @inline(__always)
  func averageStrategy(
    _ node: SpotNode, hands: Int, total: UnsafePointer<Double>, sums rows: UnsafeMutablePointer<Double>,
    strategy: UnsafeMutablePointer<Double>
  ) {
    let actions = Int(node.childCount)
    let derives = derivesLast[Int(node.betting)]
    let stored = (derives ? actions - 1 : actions) * hands
    if compressed {
      let exponent = Int32(sumExponents[Int(node.exponentOffset) + hands])
      let scale = Double(BlockFloat.power(exponent &- 15))
      for index in 0..<stored { rows[index] = Double(sums16[node.sumOffset + index]) * scale }
    } else {
      for index in 0..<stored { rows[index] = Double(sums[node.sumOffset + index]) }
    }
    if derives {
      let last = rows + stored
      last.update(from: total, count: hands)
      for action in 0..<(actions - 1) {
        let row = rows + action * hands
        for hand in 0..<hands { last[hand] -= row[hand] }
      }
      for hand in 0..<hands { last[hand] = max(last[hand], 0) }
    }
    // The per-hand sum, kept in the strategy's first row until it is normalised last.
    strategy.update(from: rows, count: hands)
    for action in 1..<max(actions, 1) {
      let row = rows + action * hands
      for hand in 0..<hands { strategy[hand] += row[hand] }
    }
    let uniform = 1 / Double(actions)
    for action in (0..<actions).reversed() {
      let row = rows + action * hands
      let target = strategy + action * hands
      for hand in 0..<hands {
        target[hand] = strategy[hand] > 0 ? row[hand] / strategy[hand] : uniform
      }
    }
  }

  /// Fills `out` with the value of each of `player`'s hands below `index`, in Double, the
  /// opponent playing its average strategy and the player as `play` says (`.both`: `2 × hands`
  /// values). `totals` are each player's strategy sums for the action that led to `index` at its
  /// latest decision (``averageStrategy(_:hands:total:sums:strategy:)``), `own` the player's.
  func evaluate(
    _ index: Int, _ player: Int, _ play: Play, _ reach: UnsafeMutablePointer<Double>,
    _ out: UnsafeMutablePointer<Double>, _ scratch: UnsafeMutablePointer<Double>,
    totals: (own: UnsafePointer<Double>, opponent: UnsafePointer<Double>), parallel: Bool
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
        let rows = strategy + actions * n
        let rest = rows + actions * n
        averageStrategy(node, hands: n, total: totals.own, sums: rows, strategy: strategy)
        for action in 0..<actions {
          evaluate(
            first + action, player, play, reach, values + action * width, rest,
            totals: (UnsafePointer(rows + action * n), totals.opponent), parallel: parallel)
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
          mix(values, by: strategy, actions: actions, hands: n, into: out)
        case .both:
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
        let rows = strategy + actions * m
        let childReach = rows + actions * m
        let values = childReach + m
        let rest = values + width
        averageStrategy(node, hands: m, total: totals.opponent, sums: rows, strategy: strategy)
        opponentActions(
          first: first, actions: actions, player: player, strategy: strategy, reach: reach, out: out,
          childReach: childReach, values: values, rows: play.rows
        ) { child, childReach, result in
          evaluate(
            child, player, play, childReach, result, rest,
            totals: (totals.own, UnsafePointer(rows + (child - first) * m)),
            parallel: parallel)
        }
      }
    case SpotNode.chance:
      // The own-reach buffer is unused here; the chance helper still fills it.
      chance(node, player, reach, scratch, out, scratch + n, parallel: parallel, rows: play.rows) {
        child, reach, _, out, scratch, parallel in
        evaluate(child, player, play, reach, out, scratch, totals: totals, parallel: parallel)
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
