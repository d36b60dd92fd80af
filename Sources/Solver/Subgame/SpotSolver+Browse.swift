import Cards

extension SpotSolver {
  /// The node reached by `line`: tokens separated by commas or spaces, each an action (`x`, `c`,
  /// `f`, `b50`, `r150`, `allin`) or, where a card comes, the card (`7c`).
  ///
  /// - Throws: ``SpotError`` naming the token and listing what could follow instead.
  ///
  /// - Parameter figures: compute each hand's EV and equity (a walk of the subtree); without,
  ///   they are left empty.
  public func view(line text: String, figures: Bool = true) throws(SpotError) -> SpotNodeView {
    let tokens = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    var index = 0
    var path: [Int] = [0]
    // Suits as the tree stores them: a card of a suit-isomorphic class that is not the class's
    // solved card is read through the permutation onto it.
    var suits = [0, 1, 2, 3]
    var suitsAlongPath: [[Int]] = [suits]
    var board = CardSet(game.spot.board)
    for token in tokens {
      let node = game.nodes[index]
      var found: Int? = nil
      switch node.kind {
      case SpotNode.decision0, SpotNode.decision1:
        if let child = game.tree.child(of: Int(node.betting), token: token),
          let position = game.tree.nodes[Int(node.betting)].children.firstIndex(of: child)
        {
          found = Int(node.firstChild) + position
        }
      case SpotNode.chance:
        if let card = try? Card(parsing: token), !board.contains(card) {
          let mapped = SuitSymmetry.apply(suits, card)
          for k in 0..<Int(node.childCount) {
            let child = game.nodes[Int(node.firstChild) + k]
            if child.card == mapped.index {
              found = Int(node.firstChild) + k
            } else {
              for mirror in 0..<Int(child.mirrorCount) {
                let permutation = game.symmetry.permutations[Int(game.mirrors[Int(child.mirrorStart) + mirror])]
                if SuitSymmetry.apply(permutation, mapped).index == child.card {
                  found = Int(node.firstChild) + k
                  suits = suits.map { permutation[$0] }
                }
              }
            }
            if found != nil { break }
          }
          board.insert(card)
        }
      default:
        break
      }
      guard let next = found else {
        let options = continuations(index, board: board)
        throw SpotError(
          .badLine, field: "line",
          "'\(token)' cannot follow \(path.count == 1 ? "the start" : "'\(tokens.prefix(path.count - 1).joined(separator: ","))'"); "
            + (options.isEmpty
              ? "the hand is over there" : "expected one of \(options.joined(separator: " "))"))
      }
      index = next
      path.append(index)
      suitsAlongPath.append(suits)
    }
    return view(path: path, suits: suitsAlongPath, tokens: tokens, figures: figures)
  }

  func continuations(_ index: Int, board: CardSet) -> [String] {
    let node = game.nodes[index]
    switch node.kind {
    case SpotNode.decision0, SpotNode.decision1:
      return game.tree.nodes[Int(node.betting)].actions.map(\.token)
    case SpotNode.chance:
      return CardSet.fullDeck.subtracting(board).map(\.description)
    default:
      return []
    }
  }

  /// `map[h]`: the index, in the tree's suits, of `player`'s hand h under the suit map `suits`.
  func handMap(_ suits: [Int], player: Int) -> [Int] {
    if suits == [0, 1, 2, 3] { return Array(game.hands[player].indices) }
    var lookup: [HoleCombo: Int] = [:]
    for (index, combo) in game.hands[player].enumerated() { lookup[HoleCombo(combo.cards[0], combo.cards[1])] = index }
    return game.hands[player].map { combo in
      lookup[HoleCombo(SuitSymmetry.apply(suits, combo.cards[0]), SuitSymmetry.apply(suits, combo.cards[1]))]!
    }
  }

  func view(path: [Int], suits: [[Int]], tokens: [String], figures wanted: Bool) -> SpotNodeView {
    let index = path.last!
    let node = game.nodes[index]
    let betting = game.tree.nodes[Int(node.betting)]
    var board = game.spot.board
    // Each player's reach along the line: weight × own average strategy, dealt cards removed; and
    // each player's strategy sums for its latest action (in the tree's suits).
    var reach = game.weights
    var totals = game.handCounts.map { [Double](repeating: 0, count: $0) }
    let pass = pass(iteration: max(iteration, 1))
    for (step, current) in path.dropLast().enumerated() {
      let here = game.nodes[current]
      let child = path[step + 1]
      if here.kind == SpotNode.chance {
        // The card as the user dealt it: the tree's card read back through the suit map.
        let treeCard = Card(index: Int(game.nodes[child].card))
        let suitMap = suits[step + 1]
        let card = Card(rank: treeCard.rank, suit: suitMap.firstIndex(of: treeCard.suit)!)
        board.append(card)
        for player in 0..<2 {
          pass.forEachHand(of: player, holding: card.index) { reach[player][$0] = 0 }
        }
      } else if here.kind <= SpotNode.decision1 {
        let player = Int(here.kind)
        let action = child - Int(here.firstChild)
        let (strategy, sums) = averageStrategy(here, player: player, total: totals[player])
        totals[player] = sums[action]
        let map = handMap(suits[step], player: player)
        for hand in reach[player].indices { reach[player][hand] *= strategy[action][map[hand]] }
      }
    }
    var view = SpotNodeView(
      line: tokens, board: board, pot: betting.pot(startingPot: game.spot.rules.pot), committed: betting.committed,
      player: nil, kind: "", actions: [], hands: [], strategy: [], reach: [], ev: [], equity: [], frequencies: [],
      next: continuations(index, board: CardSet(board)))
    switch node.kind {
    case SpotNode.decision0, SpotNode.decision1:
      let player = Int(node.kind)
      view.player = player
      view.kind = "decision"
      view.actions = betting.actions
      view.hands = game.hands[player]
      let mine = handMap(suits.last!, player: player)
      let theirs = handMap(suits.last!, player: 1 - player)
      let treeStrategy = averageStrategy(node, player: player, total: totals[player]).strategy
      view.strategy = treeStrategy.map { row in mine.map { row[$0] } }
      view.reach = reach[player]
      let total = reach[player].reduce(0, +)
      view.frequencies = view.strategy.map { row in
        total > 0 ? zip(row, reach[player]).reduce(0) { $0 + $1.0 * $1.1 } / total : 0
      }
      var opponentReach = reach[1 - player]
      for hand in theirs.indices { opponentReach[theirs[hand]] = reach[1 - player][hand] }
      if wanted {
        let figures = handFigures(
          at: index, player: player, opponentReach: opponentReach, totals: (totals[player], totals[1 - player]))
        view.ev = mine.map { figures.ev[$0] }
        view.equity = mine.map { figures.equity[$0] }
      }
    case SpotNode.chance: view.kind = "chance"
    case SpotNode.showdown: view.kind = "showdown"
    default: view.kind = "fold"
    }
    return view
  }

  /// The average strategy at a decision node and its strategy sums, each `[action][hand]`; `total`
  /// is the player's sums for the action that led here at its previous decision
  /// (``SpotPass/averageStrategy(_:hands:total:sums:strategy:)``).
  func averageStrategy(_ node: SpotNode, player: Int, total: [Double]) -> (strategy: [[Double]], sums: [[Double]]) {
    let n = game.handCounts[player]
    let actions = Int(node.childCount)
    var strategy = [Double](repeating: 0, count: actions * n)
    var sums = strategy
    pass(iteration: max(iteration, 1)).averageStrategy(
      node, hands: n, total: total, sums: &sums, strategy: &strategy)
    let rows = { (flat: [Double]) in (0..<actions).map { Array(flat[($0 * n)..<(($0 + 1) * n)]) } }
    return (rows(strategy), rows(sums))
  }

  /// Each of `player`'s hands' EV and equity at node `index`, the opponent's hands weighted by
  /// `opponentReach`; `totals` are the player's and the opponent's strategy sums for their latest
  /// actions on the way there.
  func handFigures(
    at index: Int, player: Int, opponentReach: [Double], totals: (own: [Double], opponent: [Double])
  ) -> (ev: [Double], equity: [Double]) {
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
    let values = walk {
      totals.own.withUnsafeBufferPointer { own in
        totals.opponent.withUnsafeBufferPointer { opponent in
          pass.evaluate(
            index, player, .average, reach, out, free, totals: (own.baseAddress!, opponent.baseAddress!),
            parallel: false)
        }
      }
    }
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
