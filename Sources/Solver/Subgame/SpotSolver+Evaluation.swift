extension SpotSolver {
  /// Exploitability, EVs and equities of the current average strategy, by exact best response
  /// over the whole spot tree in Double.
  public func evaluation() -> SpotEvaluation {
    let pot = Double(game.spot.rules.pot)
    var ev: [Double] = []
    var best: [Double] = []
    var equity: [Double] = []
    for player in 0..<2 {
      let weights = game.weights[player]
      let both = handValues(player, .both)
      let average = both[..<weights.count]
      let response = both[weights.count...]
      let (difference, total) = checkDownFigures[player]
      var range = 0.0
      var responseSum = 0.0
      var equitySum = 0.0
      var weightSum = 0.0
      for hand in weights.indices {
        range += weights[hand] * average[average.startIndex + hand]
        responseSum += weights[hand] * response[response.startIndex + hand]
        equitySum += weights[hand] * (total[hand] + difference[hand]) / 2
        weightSum += weights[hand] * total[hand]
      }
      ev.append(range / game.pairWeight + pot / 2)
      best.append(responseSum / game.pairWeight + pot / 2)
      equity.append(weightSum > 0 ? equitySum / weightSum : 0.5)
    }
    let exploitability = (best[0] + best[1] - pot) / 2
    return SpotEvaluation(
      ev: ev, bestResponse: best, equity: equity, exploitability: exploitability,
      exploitabilityPercentOfPot: exploitability / pot * 100)
  }

  /// For each of `player`'s hands, when every street is checked down: the opponent weight it
  /// beats minus the weight it loses to, and the opponent weight it can meet, both averaged over
  /// the board cards to come.
  func checkDown(_ player: Int) -> (difference: [Double], total: [Double]) {
    let pass = pass(iteration: max(iteration, 1))
    let counts = game.handCounts
    let n = counts[player]
    let m = counts[1 - player]
    var results: [[Double]] = []
    for wantsTotal in [false, true] {
      let reach = scratchDoubles
      let out = reach + m
      let free = out + n
      for hand in 0..<m { reach[hand] = game.weights[1 - player][hand] }
      pass.checkDown(0, player, reach, out, free, total: wantsTotal)
      results.append(Array(UnsafeBufferPointer(start: out, count: n)))
    }
    return (results[0], results[1])
  }
}

extension SpotPass {
  /// Follows checks and calls (each decision's first action, or the second where the first is a
  /// fold) to the showdowns: with `total`, the
  /// opponent weight each hand can meet; otherwise the weight it beats minus the weight it
  /// loses to.
  func checkDown(
    _ index: Int, _ player: Int, _ reach: UnsafeMutablePointer<Double>, _ out: UnsafeMutablePointer<Double>,
    _ scratch: UnsafeMutablePointer<Double>, total: Bool
  ) {
    let node = nodes[index]
    switch node.kind {
    case SpotNode.decision0, SpotNode.decision1:
      let first = Int(node.firstChild)
      let folds = nodes[first].kind == SpotNode.fold0 || nodes[first].kind == SpotNode.fold1
      checkDown(folds ? first + 1 : first, player, reach, out, scratch, total: total)
    case SpotNode.chance:
      chance(node, player, reach, scratch, out, scratch + handCount(player), parallel: false) {
        child, reach, _, out, scratch, _ in
        checkDown(child, player, reach, out, scratch, total: total)
      }
    case SpotNode.showdown:
      if total {
        fold(player, reach, payoff: 1, out)
      } else {
        showdown(player, reach, board: Int(node.showdownBoard), payoff: 1, out, scratch)
      }
    default:
      // A fold is never reached by checking.
      out.update(repeating: 0, count: handCount(player))
    }
  }
}
