extension SpotPass {
  /// Terminals valued together: one lane per terminal node.
  typealias Batch = SIMD8<Float>

  /// Lanes per ``Batch``.
  @inline(__always) static var batchWidth: Int { 8 }

  /// A CFR walk over a last-street subtree (no chance node below): the same values and updates
  /// as ``cfr(_:_:_:_:_:_:parallel:)``, bit for bit, in three passes. Down: every node's
  /// opponent reach (the opponent's strategies do not change during the player's walk). Then the
  /// terminals, eight at a time: their showdowns (all on one board) share one sweep and their
  /// folds one pass, each terminal in its own lane. Up: values and the player's updates.
  func lastStreetCFR(
    _ index: Int, _ player: Int, _ reach: UnsafeMutablePointer<Float>, _ own: UnsafeMutablePointer<Float>,
    _ out: UnsafeMutablePointer<Float>, _ scratch: UnsafeMutablePointer<Float>
  ) {
    withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: batchTerminals) { reaches in
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: batchTerminals) { terminals in
        var free = scratch
        var count = 0
        gather(index, player, reach, &free, reaches.baseAddress!, terminals.baseAddress!, &count)
        let values = valueTerminals(player, count, reaches.baseAddress!, terminals.baseAddress!, &free)
        var cursor = SettleCursor()
        settle(index, player, own, out, free, values, values, &cursor)
      }
    }
  }

  /// The down pass: each terminal below `index`, in walk order, with the opponent reach that
  /// arrives there. Opponent nodes' children's reaches are laid out from `free` on.
  func gather(
    _ index: Int, _ player: Int, _ reach: UnsafePointer<Float>, _ free: inout UnsafeMutablePointer<Float>,
    _ reaches: UnsafeMutablePointer<UnsafePointer<Float>>, _ terminals: UnsafeMutablePointer<Int32>,
    _ count: inout Int
  ) {
    let node = nodes[index]
    switch node.kind {
    case SpotNode.decision0, SpotNode.decision1:
      let actions = Int(node.childCount)
      let first = Int(node.firstChild)
      if Int(node.kind) == player {
        for action in 0..<actions { gather(first + action, player, reach, &free, reaches, terminals, &count) }
      } else {
        let m = handCount(1 - player)
        let strategy = opponentRows(node, player, reach, &free)
        for action in 0..<actions {
          gather(first + action, player, strategy + action * m, &free, reaches, terminals, &count)
        }
      }
    case SpotNode.fold0, SpotNode.fold1, SpotNode.showdown:
      reaches[count] = reach
      terminals[count] = Int32(index)
      count += 1
    default:
      preconditionFailure("a last-street subtree holds no chance node")
    }
  }

  /// The opponent's strategy rows at its decision `node`, each times `reach` (its children's
  /// reaches), laid out from `free` on (`free` moved past them).
  @inline(__always)
  func opponentRows(
    _ node: SpotNode, _ player: Int, _ reach: UnsafePointer<Float>, _ free: inout UnsafeMutablePointer<Float>
  ) -> UnsafeMutablePointer<Float> {
    let strategy = free
    free += Int(node.childCount) * handCount(1 - player)
    opponentStrategy(node, player, reach, into: strategy, scratch: free)
    return strategy
  }

  /// The terminals' values, laid out from `free` on (terminal k's at `k × hands`, `free` moved
  /// past them): showdowns and folds each in batches of eight lanes.
  func valueTerminals(
    _ player: Int, _ count: Int, _ reaches: UnsafePointer<UnsafePointer<Float>>, _ terminals: UnsafePointer<Int32>,
    _ free: inout UnsafeMutablePointer<Float>
  ) -> UnsafeMutablePointer<Float> {
    let n = handCount(player)
    let values = free
    free += count * n
    let scratch = free
    let width = SpotPass.batchWidth
    withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: width) { laneReach in
      withUnsafeTemporaryAllocation(of: UnsafeMutablePointer<Float>.self, capacity: width) { laneOut in
        // Showdowns first, then folds.
        for pass in 0..<2 {
          let showdowns = pass == 0
          var lanes = 0
          var gains = Batch(repeating: 0)
          var board = 0
          func flush() {
            if showdowns {
              showdownLanes(player, laneReach.baseAddress!, lanes, gains, board, laneOut.baseAddress!, scratch)
            } else {
              foldLanes(player, laneReach.baseAddress!, lanes, gains, laneOut.baseAddress!, scratch)
            }
            lanes = 0
            gains = Batch(repeating: 0)
          }
          for k in 0..<count {
            let node = nodes[Int(terminals[k])]
            guard (node.kind == SpotNode.showdown) == showdowns else { continue }
            laneReach[lanes] = reaches[k]
            laneOut[lanes] = values + k * n
            if showdowns {
              // One sweep serves the batch: every showdown in a list ends on the same board.
              precondition(lanes == 0 || board == Int(node.showdownBoard), "a batch mixes final boards")
              board = Int(node.showdownBoard)
              gains[lanes] = Float(node.value)
            } else {
              let folder = Int(node.kind - SpotNode.fold0)
              gains[lanes] = Float(folder == player ? -node.value : node.value)
            }
            lanes += 1
            if lanes == width { flush() }
          }
          if lanes > 0 { flush() }
        }
      }
    }
    return values
  }

  /// Where an up pass is in its lists of values: the next terminal's and the next chance node's.
  struct SettleCursor {
    var terminal = 0
    var chance = 0
  }

  /// The up pass: values and the player's updates, reading the terminals' values (`values`) and
  /// the chance nodes' (`chanceValues`, in a penultimate subtree) in walk order.
  func settle(
    _ index: Int, _ player: Int, _ own: UnsafeMutablePointer<Float>, _ out: UnsafeMutablePointer<Float>,
    _ scratch: UnsafeMutablePointer<Float>, _ values: UnsafePointer<Float>, _ chanceValues: UnsafePointer<Float>,
    _ cursor: inout SettleCursor
  ) {
    let node = nodes[index]
    let n = handCount(player)
    switch node.kind {
    case SpotNode.decision0, SpotNode.decision1:
      let actions = Int(node.childCount)
      let first = Int(node.firstChild)
      if Int(node.kind) == player {
        ownDecision(node, player, own, out, scratch) { child, childOwn, childValues, rest in
          settle(child, player, childOwn, childValues, rest, values, chanceValues, &cursor)
        }
      } else {
        let row = scratch
        settle(first, player, own, out, row + n, values, chanceValues, &cursor)
        for action in 1..<actions {
          settle(first + action, player, own, row, row + n, values, chanceValues, &cursor)
          for hand in 0..<n { out[hand] += row[hand] }
        }
      }
    case SpotNode.chance:
      out.update(from: chanceValues + cursor.chance * n, count: n)
      cursor.chance += 1
    default:
      out.update(from: values + cursor.terminal * n, count: n)
      cursor.terminal += 1
    }
  }
}
