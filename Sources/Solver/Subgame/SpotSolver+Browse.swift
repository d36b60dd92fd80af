import Cards

extension SpotSolver {
  /// The node reached by `line`: tokens separated by commas or spaces, each an action (`x`, `c`,
  /// `f`, `b50`, `r150`, `allin`) or, where a card comes, the card (`7c`).
  ///
  /// - Throws: ``SpotError`` naming the token and listing what could follow instead.
  public func view(line text: String) throws(SpotError) -> SpotNodeView {
    let tokens = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    var index = 0
    var path: [Int] = [0]
    for token in tokens {
      let node = game.nodes[index]
      let options = continuations(index)
      var found: Int? = nil
      switch node.kind {
      case SpotNode.decision0, SpotNode.decision1:
        if let child = game.tree.child(of: Int(node.betting), token: token),
          let position = game.tree.nodes[Int(node.betting)].children.firstIndex(of: child)
        {
          found = Int(node.firstChild) + position
        }
      case SpotNode.chance:
        if let card = try? Card(parsing: token) {
          found = (0..<Int(node.childCount)).map { Int(node.firstChild) + $0 }.first {
            game.nodes[$0].card == card.index
          }
        }
      default:
        break
      }
      guard let next = found else {
        throw SpotError(
          .badLine, field: "line",
          "'\(token)' cannot follow \(path.count == 1 ? "the start" : "'\(tokens.prefix(path.count - 1).joined(separator: ","))'"); "
            + (options.isEmpty
              ? "the hand is over there" : "expected one of \(options.prefix(52).joined(separator: " "))"))
      }
      index = next
      path.append(index)
    }
    return view(path: path, tokens: tokens)
  }

  func continuations(_ index: Int) -> [String] {
    let node = game.nodes[index]
    switch node.kind {
    case SpotNode.decision0, SpotNode.decision1:
      return game.tree.nodes[Int(node.betting)].actions.map(\.token)
    case SpotNode.chance:
      return (0..<Int(node.childCount)).map { Card(index: Int(game.nodes[Int(node.firstChild) + $0].card)).description }
    default:
      return []
    }
  }

  func view(path: [Int], tokens: [String]) -> SpotNodeView {
    let index = path.last!
    let node = game.nodes[index]
    let betting = game.tree.nodes[Int(node.betting)]
    var board = game.spot.board
    // Each player's reach along the line: weight × own average strategy, dealt cards removed.
    var reach = game.weights
    let pass = pass(iteration: max(iteration, 1))
    for (step, current) in path.dropLast().enumerated() {
      let here = game.nodes[current]
      let child = path[step + 1]
      if here.kind == SpotNode.chance {
        let card = game.nodes[child].card
        board.append(Card(index: Int(card)))
        for player in 0..<2 {
          pass.forEachHand(of: player, holding: card) { reach[player][$0] = 0 }
        }
      } else if here.kind <= SpotNode.decision1 {
        let player = Int(here.kind)
        let action = child - Int(here.firstChild)
        let strategy = averageStrategy(here, player: player)
        for hand in reach[player].indices { reach[player][hand] *= strategy[action][hand] }
      }
    }
    var view = SpotNodeView(
      line: tokens, board: board, pot: betting.pot(startingPot: game.spot.rules.pot), committed: betting.committed,
      player: nil, kind: "", actions: [], hands: [], strategy: [], reach: [], ev: [], equity: [], frequencies: [],
      next: continuations(index))
    switch node.kind {
    case SpotNode.decision0, SpotNode.decision1:
      let player = Int(node.kind)
      view.player = player
      view.kind = "decision"
      view.actions = betting.actions
      view.hands = game.hands[player]
      view.strategy = averageStrategy(node, player: player)
      view.reach = reach[player]
      let total = reach[player].reduce(0, +)
      view.frequencies = view.strategy.map { row in
        total > 0 ? zip(row, reach[player]).reduce(0) { $0 + $1.0 * $1.1 } / total : 0
      }
      (view.ev, view.equity) = handFigures(at: index, player: player, opponentReach: reach[1 - player])
    case SpotNode.chance: view.kind = "chance"
    case SpotNode.showdown: view.kind = "showdown"
    default: view.kind = "fold"
    }
    return view
  }

  /// The normalised strategy sums at a decision node, `[action][hand]`.
  func averageStrategy(_ node: SpotNode, player: Int) -> [[Double]] {
    let n = game.handCounts[player]
    let actions = Int(node.childCount)
    var rows = [[Double]](repeating: [Double](repeating: 0, count: n), count: actions)
    for hand in 0..<n {
      var total = 0.0
      for action in 0..<actions { total += Double(sums[node.offset + action * n + hand]) }
      for action in 0..<actions {
        rows[action][hand] = total > 0 ? Double(sums[node.offset + action * n + hand]) / total : 1 / Double(actions)
      }
    }
    return rows
  }

  /// Each of `player`'s hands' EV and equity at node `index`, the opponent's hands weighted by
  /// `opponentReach`.
  func handFigures(at index: Int, player: Int, opponentReach: [Double]) -> (ev: [Double], equity: [Double]) {
    let pass = pass(iteration: max(iteration, 1))
    let n = game.handCounts[player]
    let m = game.handCounts[1 - player]
    let reach = scratchDoubles
    let out = reach + m
    let free = out + n
    func walk(_ body: () -> Void) -> [Double] {
      opponentReach.withUnsafeBufferPointer { reach.update(from: $0.baseAddress!, count: m) }
      body()
      return Array(UnsafeBufferPointer(start: out, count: n))
    }
    let values = walk { pass.evaluate(index, player, .average, reach, out, free, parallel: false) }
    let difference = walk { pass.checkDown(index, player, reach, out, free, total: false) }
    let total = walk { pass.checkDown(index, player, reach, out, free, total: true) }
    // Values count the starting pot as dead money shared evenly; EVs are shares of the pot less
    // the chips put in since the spot started, as in ``SpotEvaluation``.
    let base = Double(game.spot.rules.pot) / 2
    var ev = [Double](repeating: 0, count: n)
    var equity = [Double](repeating: 0, count: n)
    for hand in 0..<n where total[hand] > 0 {
      ev[hand] = values[hand] / total[hand] + base
      equity[hand] = (total[hand] + difference[hand]) / 2 / total[hand]
    }
    return (ev, equity)
  }
}
