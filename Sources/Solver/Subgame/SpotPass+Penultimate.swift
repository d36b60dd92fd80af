extension SpotPass {
  /// A CFR walk over a subtree of the street before the last, whose chance nodes deal the last
  /// card: the same values and updates as ``cfr(_:_:_:_:_:_:parallel:)``, bit for bit. Its
  /// chance nodes all deal the same cards, so for one river card the river subtrees under all of
  /// them end on the same board: they are walked together, and their showdowns and folds are
  /// valued in full batches (``lastStreetCFR(_:_:_:_:_:_:)`` batches one subtree's, often two or
  /// three showdowns). Down: both reaches at every node, the folds and the chance nodes in walk
  /// order. The folds' values. Per river card (split across threads when `parallel`): every
  /// river subtree's down pass, their terminals' values, their up passes; summed into each chance
  /// node's values in card order. Up: values and the player's updates (``settle``).
  func penultimateCFR(
    _ index: Int, _ player: Int, _ reach: UnsafeMutablePointer<Float>, _ own: UnsafeMutablePointer<Float>,
    _ out: UnsafeMutablePointer<Float>, _ scratch: UnsafeMutablePointer<Float>, parallel: Bool
  ) {
    let n = handCount(player)
    let capacity = batchTerminals
    withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: 2 * capacity) { reaches in
      withUnsafeTemporaryAllocation(of: UnsafeMutablePointer<Float>.self, capacity: capacity) { owns in
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * capacity) { indices in
          let foldReaches = reaches.baseAddress!
          let chanceReaches = foldReaches + capacity
          let folds = indices.baseAddress!
          let chances = folds + capacity
          var free = scratch
          var foldCount = 0
          var chanceCount = 0
          gatherStreet(
            index, player, reach, own, &free, folds, foldReaches, &foldCount, chances, chanceReaches,
            owns.baseAddress!, &chanceCount)
          let foldValues = valueTerminals(player, foldCount, foldReaches, folds, &free)
          let chanceValues = free
          free += chanceCount * n
          lastCards(
            player, chanceCount, chances, chanceReaches, owns.baseAddress!, into: chanceValues, free, parallel: parallel
          )
          var cursor = SettleCursor()
          settle(index, player, own, out, free, foldValues, chanceValues, &cursor)
        }
      }
    }
  }

  /// The down pass of a penultimate subtree: the folds and the chance nodes below `index` in walk
  /// order, with the opponent reach that arrives there (and at chance nodes the player's own).
  private func gatherStreet(
    _ index: Int, _ player: Int, _ reach: UnsafePointer<Float>, _ own: UnsafeMutablePointer<Float>,
    _ free: inout UnsafeMutablePointer<Float>, _ folds: UnsafeMutablePointer<Int32>,
    _ foldReaches: UnsafeMutablePointer<UnsafePointer<Float>>, _ foldCount: inout Int,
    _ chances: UnsafeMutablePointer<Int32>, _ chanceReaches: UnsafeMutablePointer<UnsafePointer<Float>>,
    _ chanceOwns: UnsafeMutablePointer<UnsafeMutablePointer<Float>>, _ chanceCount: inout Int
  ) {
    let node = nodes[index]
    let actions = Int(node.childCount)
    let first = Int(node.firstChild)
    switch node.kind {
    case SpotNode.decision0, SpotNode.decision1:
      if Int(node.kind) == player {
        let n = handCount(player)
        let strategy = free
        free += actions * n
        ownStrategy(node, player, into: strategy, scratch: free)
        for action in 0..<actions {
          let childOwn = free
          free += n
          let row = strategy + action * n
          for hand in 0..<n { childOwn[hand] = own[hand] * row[hand] }
          gatherStreet(
            first + action, player, reach, childOwn, &free, folds, foldReaches, &foldCount, chances, chanceReaches,
            chanceOwns, &chanceCount)
        }
      } else {
        let m = handCount(1 - player)
        let strategy = opponentRows(node, player, reach, &free)
        for action in 0..<actions {
          gatherStreet(
            first + action, player, strategy + action * m, own, &free, folds, foldReaches, &foldCount, chances,
            chanceReaches, chanceOwns, &chanceCount)
        }
      }
    case SpotNode.fold0, SpotNode.fold1:
      folds[foldCount] = Int32(index)
      foldReaches[foldCount] = reach
      foldCount += 1
    case SpotNode.chance:
      chances[chanceCount] = Int32(index)
      chanceReaches[chanceCount] = reach
      chanceOwns[chanceCount] = own
      chanceCount += 1
    default:
      preconditionFailure("a penultimate subtree ends in folds and chance nodes")
    }
  }

  /// The player's own strategy at its decision `node` (regret matching). `scratch` takes the
  /// player's hands.
  @inline(__always)
  private func ownStrategy(
    _ node: SpotNode, _ player: Int, into strategy: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>
  ) {
    let actions = Int(node.childCount)
    let n = handCount(player)
    if compressed {
      BlockFloat.decode(
        regrets16 + node.offset, exponents: regretExponents + Int(node.exponentOffset), actions: actions,
        hands: n, into: strategy, scratch: scratch)
      regretMatching(strategy, actions: actions, hands: n, into: strategy, total: scratch)
    } else {
      regretMatching(regrets + node.offset, actions: actions, hands: n, into: strategy, total: scratch)
    }
  }

  /// Each chance node's values (`count` of them, node j's at `values + j × hands`): per card, the
  /// river subtrees under all of them walked together (``lastCard(_:_:_:_:_:_:_:into:_:)``), then
  /// summed in card order with the suit-isomorphic cards' permuted values, as
  /// ``chance(_:_:_:_:_:_:parallel:_:)`` sums them.
  private func lastCards(
    _ player: Int, _ count: Int, _ chances: UnsafePointer<Int32>, _ reaches: UnsafePointer<UnsafePointer<Float>>,
    _ owns: UnsafePointer<UnsafeMutablePointer<Float>>, into values: UnsafeMutablePointer<Float>,
    _ scratch: UnsafeMutablePointer<Float>, parallel: Bool
  ) {
    guard count > 0 else { return }
    let n = handCount(player)
    let cards = Int(nodes[Int(chances[0])].childCount)
    // The chance nodes of one turn subtree deal the same cards in the same order.
    for j in 1..<count { precondition(Int(nodes[Int(chances[j])].childCount) == cards, "chance nodes differ") }
    values.update(repeating: 0, count: count * n)
    func accumulate(_ k: Int, _ results: UnsafePointer<Float>) {
      for j in 0..<count {
        let out = values + j * n
        let value = results + j * n
        for hand in 0..<n { out[hand] += value[hand] }
        let child = nodes[Int(nodes[Int(chances[j])].firstChild) + k]
        for mirror in 0..<Int(child.mirrorCount) {
          let map = handMap(Int(mirrors[Int(child.mirrorStart) + mirror]), player)
          for hand in 0..<n { out[hand] += value[Int(map[hand])] }
        }
      }
    }
    if parallel && threads > 1 {
      // Only at the root (a turn spot) is a penultimate walk parallel; its scratch holds every
      // card's values (``SpotSolver/batchedWalks(_:handCounts:)``).
      let results = scratch
      parallelFor(cards) { k, worker in
        lastCard(
          player, k, count, chances, reaches, owns, into: results + k * count * n, workerFloats + worker * workerStride)
      }
      for k in 0..<cards { accumulate(k, results + k * count * n) }
    } else {
      let results = scratch
      for k in 0..<cards {
        lastCard(player, k, count, chances, reaches, owns, into: results, results + count * n)
        accumulate(k, results)
      }
    }
  }

  /// For the `k`-th card of every chance node: the child's values (node j's at
  /// `results + j × hands`, zero for hands that hold the card), its subtree walked with the card's
  /// hands taken out of both reaches and the opponent's scaled by the card's probability.
  private func lastCard(
    _ player: Int, _ k: Int, _ count: Int, _ chances: UnsafePointer<Int32>,
    _ reaches: UnsafePointer<UnsafePointer<Float>>, _ owns: UnsafePointer<UnsafeMutablePointer<Float>>,
    into results: UnsafeMutablePointer<Float>, _ scratch: UnsafeMutablePointer<Float>
  ) {
    let n = handCount(player)
    let m = handCount(1 - player)
    let capacity = batchTerminals
    withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: capacity) { terminalReaches in
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: capacity) { terminals in
        var free = scratch
        let childReaches = free
        let childOwns = free + count * m
        free += count * (m + n)
        var terminalCount = 0
        let card = nodes[Int(nodes[Int(chances[0])].firstChild) + k].card
        for j in 0..<count {
          let chance = nodes[Int(chances[j])]
          let probability = Float(chance.value)
          let reach = reaches[j]
          let childReach = childReaches + j * m
          for hand in 0..<m { childReach[hand] = reach[hand] * probability }
          forEachHand(of: 1 - player, holding: card) { childReach[$0] = 0 }
          let childOwn = childOwns + j * n
          childOwn.update(from: owns[j], count: n)
          forEachHand(of: player, holding: card) { childOwn[$0] = 0 }
          let child = Int(chance.firstChild) + k
          gather(child, player, childReach, &free, terminalReaches.baseAddress!, terminals.baseAddress!, &terminalCount)
        }
        let values = valueTerminals(
          player, terminalCount, terminalReaches.baseAddress!, terminals.baseAddress!, &free)
        var cursor = SettleCursor()
        for j in 0..<count {
          let child = Int(nodes[Int(chances[j])].firstChild) + k
          let result = results + j * n
          settle(child, player, childOwns + j * n, result, free, values, values, &cursor)
          forEachHand(of: player, holding: card) { result[$0] = 0 }
        }
      }
    }
  }
}
