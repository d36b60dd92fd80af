extension SpotPass {
  /// The current strategy at a decision node by regret matching: positive regrets normalised per
  /// hand, uniform where none is positive. `total` is scratch for `hands` floats; `regret` may be
  /// `strategy` itself. Branch-free, so the loops vectorise; two and three actions (most nodes)
  /// take one pass over the hands. With `weights`, each hand's row is multiplied by its weight
  /// (the opponent's reach: the rows are then its children's reaches).
  @inline(__always)
  func regretMatching(
    _ regret: UnsafePointer<Float>, actions: Int, hands: Int, into strategy: UnsafeMutablePointer<Float>,
    total: UnsafeMutablePointer<Float>, weights: UnsafePointer<Float>? = nil
  ) {
    // One specialised copy per case, so that no test is left in the loops.
    if let weights {
      matchRegrets(regret, actions, hands, strategy, total, weights)
    } else {
      matchRegrets(regret, actions, hands, strategy, total, nil)
    }
  }

  @inline(__always)
  private func matchRegrets(
    _ regret: UnsafePointer<Float>, _ actions: Int, _ hands: Int, _ strategy: UnsafeMutablePointer<Float>,
    _ total: UnsafeMutablePointer<Float>, _ weights: UnsafePointer<Float>?
  ) {
    let uniform = 1 / Float(actions)
    switch actions {
    case 2, 3:
      // The third row is read (as the second again) but left out with two actions.
      let three = actions == 3
      let r1 = regret + hands
      let r2 = regret + (three ? 2 : 1) * hands
      let s1 = strategy + hands
      let s2 = strategy + 2 * hands
      var hand = 0
      let zero = Lanes.Vector(repeating: 0)
      let even = Lanes.Vector(repeating: uniform)
      let tiny = Lanes.Vector(repeating: .leastNormalMagnitude)
      while hand + Lanes.width <= hands {
        let p0 = Lanes.positive(Lanes.load(regret, hand))
        let p1 = Lanes.positive(Lanes.load(r1, hand))
        let p2 = three ? Lanes.positive(Lanes.load(r2, hand)) : zero
        let sum = p0 + p1 + p2
        let scale = 1 / sum.replacing(with: tiny, where: sum .< tiny)
        let none = sum .<= zero
        var q0 = (p0 * scale).replacing(with: even, where: none)
        var q1 = (p1 * scale).replacing(with: even, where: none)
        var q2 = (p2 * scale).replacing(with: even, where: none)
        if let weights {
          let weight = Lanes.load(weights, hand)
          q0 *= weight
          q1 *= weight
          q2 *= weight
        }
        Lanes.store(q0, strategy, hand)
        Lanes.store(q1, s1, hand)
        if three { Lanes.store(q2, s2, hand) }
        hand += Lanes.width
      }
      while hand < hands {
        let p0 = max(regret[hand], 0)
        let p1 = max(r1[hand], 0)
        let p2 = three ? max(r2[hand], 0) : 0
        let sum = p0 + p1 + p2
        let scale = 1 / max(sum, .leastNormalMagnitude)
        let weight = weights?[hand] ?? 1
        strategy[hand] = (sum > 0 ? p0 * scale : uniform) * weight
        s1[hand] = (sum > 0 ? p1 * scale : uniform) * weight
        if three { s2[hand] = (sum > 0 ? p2 * scale : uniform) * weight }
        hand += 1
      }
    default:
      for hand in 0..<hands { total[hand] = max(regret[hand], 0) }
      for action in 1..<max(actions, 1) {
        let row = regret + action * hands
        for hand in 0..<hands { total[hand] += max(row[hand], 0) }
      }
      // A reciprocal per hand (at most 1 / leastNormalMagnitude, reached only when none is positive).
      for hand in 0..<hands { total[hand] = 1 / max(total[hand], .leastNormalMagnitude) }
      let none = 1 / Float.leastNormalMagnitude
      for action in 0..<actions {
        let row = regret + action * hands
        let target = strategy + action * hands
        for hand in 0..<hands {
          let scale = total[hand]
          target[hand] = scale < none ? max(row[hand], 0) * scale : uniform
        }
        if let weights { for hand in 0..<hands { target[hand] *= weights[hand] } }
      }
    }
  }

  /// One CFR walk for `player`: fills `out` with the counterfactual value of each of the player's
  /// hands below `index`, updating the player's regrets and strategy sums on the way.
  ///
  /// - Parameters:
  ///   - reach: the opponent's reach of each of its hands (range weight × its strategy × chance).
  ///   - own: the player's own reach (its strategy only), which weights the strategy sums.
  ///   - scratch: free floats for this call and everything below it.
  ///   - parallel: whether a chance node below may split its cards across threads.
  func cfr(
    _ index: Int, _ player: Int, _ reach: UnsafeMutablePointer<Float>, _ own: UnsafeMutablePointer<Float>,
    _ out: UnsafeMutablePointer<Float>, _ scratch: UnsafeMutablePointer<Float>, parallel: Bool
  ) {
    let node = nodes[index]
    let n = handCount(player)
    switch node.kind {
    case SpotNode.decision0, SpotNode.decision1:
      let actions = Int(node.childCount)
      let first = Int(node.firstChild)
      if lastStreetRoots[Int(node.betting)] {
        lastStreetCFR(index, player, reach, own, out, scratch)
      } else if penultimateRoots[Int(node.betting)] {
        penultimateCFR(index, player, reach, own, out, scratch, parallel: parallel)
      } else if Int(node.kind) == player {
        ownDecision(node, player, own, out, scratch) { child, childOwn, values, rest in
          cfr(child, player, reach, childOwn, values, rest, parallel: parallel)
        }
      } else {
        let m = handCount(1 - player)
        let strategy = scratch
        let childReach = strategy + actions * m
        let values = childReach + m
        let rest = values + n
        opponentStrategy(node, player, reach, into: strategy, scratch: childReach)
        // The rows are the children's reaches already (strategy times reach, formed as it is made).
        opponentActions(
          first: first, actions: actions, player: player, strategy: strategy, reach: nil, out: out,
          childReach: childReach, values: values
        ) { child, childReach, result in
          cfr(child, player, childReach, own, result, rest, parallel: parallel)
        }
      }
    case SpotNode.chance:
      chance(node, player, reach, own, out, scratch, parallel: parallel) { child, reach, own, out, scratch, parallel in
        cfr(child, player, reach, own, out, scratch, parallel: parallel)
      }
    case SpotNode.fold0, SpotNode.fold1:
      let folder = Int(node.kind - SpotNode.fold0)
      fold(player, reach, payoff: folder == player ? -node.value : node.value, out)
    default:
      showdown(player, reach, board: Int(node.showdownBoard), payoff: node.value, out, scratch)
    }
  }

  /// The opponent's strategy at its decision `node`, each row times `reach`: the rows are the
  /// children's reaches. `scratch` takes the opponent's hands.
  @inline(__always)
  func opponentStrategy(
    _ node: SpotNode, _ player: Int, _ reach: UnsafePointer<Float>, into strategy: UnsafeMutablePointer<Float>,
    scratch: UnsafeMutablePointer<Float>
  ) {
    let actions = Int(node.childCount)
    let m = handCount(1 - player)
    if compressed {
      BlockFloat.decode(
        regrets16 + node.offset, exponents: regretExponents + Int(node.exponentOffset), actions: actions,
        hands: m, into: strategy, scratch: scratch)
      regretMatching(strategy, actions: actions, hands: m, into: strategy, total: scratch, weights: reach)
    } else {
      regretMatching(regrets + node.offset, actions: actions, hands: m, into: strategy, total: scratch, weights: reach)
    }
  }

  /// The player's own decision: regret matching, each action's child walked (`walk(child, the
  /// child's own reach, its values, free scratch)`), then the values mixed into `out` and the
  /// regrets and strategy sums updated.
  @inline(__always)
  func ownDecision(
    _ node: SpotNode, _ player: Int, _ own: UnsafeMutablePointer<Float>, _ out: UnsafeMutablePointer<Float>,
    _ scratch: UnsafeMutablePointer<Float>,
    _ walk: (Int, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> Void
  ) {
    let n = handCount(player)
    let actions = Int(node.childCount)
    let first = Int(node.firstChild)
    let strategy = scratch
    let values = strategy + actions * n
    let childOwn = values + actions * n
    var rest = childOwn + n
    let regret: UnsafeMutablePointer<Float>
    let sum: UnsafeMutablePointer<Float>
    let exponents = Int(node.exponentOffset)
    // The last action's sums are derived, not kept, where the player decided before.
    let sumRows = derivesLast[Int(node.betting)] ? actions - 1 : actions
    if compressed {
      regret = rest
      sum = rest + actions * n
      rest += 2 * actions * n
      BlockFloat.decode(
        regrets16 + node.offset, exponents: regretExponents + exponents, actions: actions, hands: n,
        into: regret, scratch: rest)
      BlockFloat.decode(
        sums16 + node.sumOffset, exponent: sumExponents[exponents + n], actions: sumRows, hands: n, into: sum)
    } else {
      regret = regrets + node.offset
      sum = sums + node.sumOffset
    }
    regretMatching(regret, actions: actions, hands: n, into: strategy, total: out)
    for action in 0..<actions {
      let row = strategy + action * n
      for hand in 0..<n { childOwn[hand] = own[hand] * row[hand] }
      walk(first + action, childOwn, values + action * n, rest)
    }
    mix(values, by: strategy, actions: actions, hands: n, into: out)
    let positive = positiveDiscount
    let negative = negativeDiscount
    for action in 0..<actions {
      let slot = regret + action * n
      let value = values + action * n
      if floorsRegrets {
        for hand in 0..<n { slot[hand] = max(slot[hand] * positive + value[hand] - out[hand], 0) }
      } else {
        for hand in 0..<n {
          let old = slot[hand]
          slot[hand] = old * (old > 0 ? positive : negative) + value[hand] - out[hand]
        }
      }
    }
    let discount = sumDiscount
    for action in 0..<sumRows {
      let slot = sum + action * n
      let row = strategy + action * n
      for hand in 0..<n { slot[hand] = slot[hand] * discount + own[hand] * row[hand] }
    }
    if compressed {
      BlockFloat.encode(
        regret, actions: actions, hands: n, into: regrets16 + node.offset, exponents: regretExponents + exponents,
        scratch: rest)
      BlockFloat.encode(
        sum, actions: sumRows, hands: n, into: sums16 + node.sumOffset, exponent: sumExponents + exponents + n)
    }
  }

  /// `out[hand]` = Σ over actions of `strategy[action][hand] × values[action][hand]`.
  @inline(__always)
  func mix<V: BinaryFloatingPoint>(
    _ values: UnsafePointer<V>, by strategy: UnsafePointer<V>, actions: Int, hands: Int,
    into out: UnsafeMutablePointer<V>
  ) {
    out.update(repeating: 0, count: hands)
    for action in 0..<actions {
      let row = strategy + action * hands
      let value = values + action * hands
      for hand in 0..<hands { out[hand] += row[hand] * value[hand] }
    }
  }

  /// The opponent's decision: each action's child walked with the opponent's reach times its
  /// strategy for that action (`strategy[action][opponent hand]`), the player's values summed
  /// into `out` in action order. `childReach` and `values` are scratch for one row each. Without
  /// `reach`, the strategy's rows are taken as the children's reaches. Each child's result is
  /// `rows` vectors of the player's hands.
  @inline(__always)
  func opponentActions<V: BinaryFloatingPoint>(
    first: Int, actions: Int, player: Int, strategy: UnsafeMutablePointer<V>, reach: UnsafePointer<V>?,
    out: UnsafeMutablePointer<V>, childReach: UnsafeMutablePointer<V>, values: UnsafeMutablePointer<V>,
    rows: Int = 1, _ walk: (Int, UnsafeMutablePointer<V>, UnsafeMutablePointer<V>) -> Void
  ) {
    let n = rows * handCount(player)
    let m = handCount(1 - player)
    for action in 0..<actions {
      let row = strategy + action * m
      let childReach = reach == nil ? row : childReach
      if let reach { for hand in 0..<m { childReach[hand] = reach[hand] * row[hand] } }
      if action == 0 {
        walk(first, childReach, out)
      } else {
        walk(first + action, childReach, values)
        for hand in 0..<n { out[hand] += values[hand] }
      }
    }
  }

  /// A chance node: each card's child walked with the hands that hold the card taken out of both
  /// reaches (and of the result), the opponent's reach scaled by the card's probability; the
  /// values of suit-isomorphic cards are the child's with the hands permuted. Values are summed
  /// in card order, so the bits do not depend on the threads. Each child's result is `rows`
  /// vectors of the player's hands, each treated alike.
  @inline(__always)
  func chance<V: BinaryFloatingPoint>(
    _ node: SpotNode, _ player: Int, _ reach: UnsafeMutablePointer<V>, _ own: UnsafeMutablePointer<V>,
    _ out: UnsafeMutablePointer<V>, _ scratch: UnsafeMutablePointer<V>, parallel: Bool, rows: Int = 1,
    _ walk: (
      Int, UnsafeMutablePointer<V>, UnsafeMutablePointer<V>, UnsafeMutablePointer<V>, UnsafeMutablePointer<V>, Bool
    )
      -> Void
  ) {
    let n = handCount(player)
    let m = handCount(1 - player)
    let width = rows * n
    let count = Int(node.childCount)
    let first = Int(node.firstChild)
    let probability = V(node.value)
    func visit(_ k: Int, _ result: UnsafeMutablePointer<V>, _ free: UnsafeMutablePointer<V>, _ parallel: Bool) {
      let card = nodes[first + k].card
      let childReach = free
      let childOwn = free + m
      for hand in 0..<m { childReach[hand] = reach[hand] * probability }
      forEachHand(of: 1 - player, holding: card) { childReach[$0] = 0 }
      childOwn.update(from: own, count: n)
      forEachHand(of: player, holding: card) { childOwn[$0] = 0 }
      walk(first + k, childReach, childOwn, result, childOwn + n, parallel)
      for row in 0..<rows { forEachHand(of: player, holding: card) { result[row * n + $0] = 0 } }
    }
    // A child's values, and those of the cards that mirror it with suits permuted, into `out`.
    func accumulate(_ k: Int, _ value: UnsafeMutablePointer<V>) {
      for hand in 0..<width { out[hand] += value[hand] }
      let child = nodes[first + k]
      for mirror in 0..<Int(child.mirrorCount) {
        let map = handMap(Int(mirrors[Int(child.mirrorStart) + mirror]), player)
        for row in 0..<rows {
          let target = out + row * n
          let source = value + row * n
          for hand in 0..<n { target[hand] += source[Int(map[hand])] }
        }
      }
    }
    out.update(repeating: 0, count: width)
    if parallel && threads > 1 {
      let values = scratch
      parallelFor(count) { k, worker in
        let free: UnsafeMutablePointer<V> =
          V.self == Float.self
          ? UnsafeMutableRawPointer(workerFloats + worker * workerStride).assumingMemoryBound(to: V.self)
          : UnsafeMutableRawPointer(workerDoubles + worker * workerDoubleStride).assumingMemoryBound(to: V.self)
        visit(k, values + k * width, free, false)
      }
      for k in 0..<count { accumulate(k, values + k * width) }
    } else {
      let values = scratch
      for k in 0..<count {
        visit(k, values, values + width, parallel)
        accumulate(k, values)
      }
    }
  }
}
