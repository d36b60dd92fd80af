import Cards
import Solver

/// A slow, readable evaluator of a solved spot, kept apart from the fast one to check it: it walks
/// the betting tree with the board written out, reads strategies through the public node view,
/// and scores every pair of hands with the hand evaluator (no sorting, no card-removal sums).
struct SpotReference {
  let solver: SpotSolver
  var views: [String: SpotNodeView] = [:]

  init(_ solver: SpotSolver) { self.solver = solver }

  var game: SpotGame { solver.game }

  mutating func view(_ line: [String]) -> SpotNodeView {
    let key = line.joined(separator: ",")
    if let known = views[key] { return known }
    let made = try! solver.view(line: key)
    views[key] = made
    return made
  }

  static func sharesCard(_ a: HoleCombo, _ b: HoleCombo) -> Bool { !a.cardSet.intersection(b.cardSet).isEmpty }

  /// The weight of all hand pairs that share no card.
  var pairWeight: Double {
    var total = 0.0
    for a in game.hands[0] {
      for b in game.hands[1] where !Self.sharesCard(a, b) { total += a.weight * b.weight }
    }
    return total
  }

  /// Each of `player`'s hands' value below betting node `node`: the sum over opponent hands of
  /// their reach times the player's payoff, the player best-responding or playing its average.
  mutating func values(node: Int, line: [String], board: [Card], player: Int, reach: [Double], best: Bool) -> [Double] {
    let tree = game.tree
    let mine = game.hands[player]
    let theirs = game.hands[1 - player]
    let betting = tree.nodes[node]
    let half = Double(game.spot.rules.pot) / 2
    switch betting.kind {
    case .decision(let actor):
      let strategy = view(line).strategy
      if actor == player {
        let children = betting.children.indices.map { action in
          values(
            node: betting.children[action], line: line + [betting.actions[action].token], board: board,
            player: player, reach: reach, best: best)
        }
        return mine.indices.map { hand in
          best
            ? children.map { $0[hand] }.max()!
            : children.indices.reduce(0) { $0 + strategy[$1][hand] * children[$1][hand] }
        }
      }
      var total = [Double](repeating: 0, count: mine.count)
      for action in betting.children.indices {
        let childReach = theirs.indices.map { reach[$0] * strategy[action][$0] }
        let child = values(
          node: betting.children[action], line: line + [betting.actions[action].token], board: board,
          player: player, reach: childReach, best: best)
        for hand in mine.indices { total[hand] += child[hand] }
      }
      return total
    case .chance:
      var total = [Double](repeating: 0, count: mine.count)
      let dealt = Card.all.filter { !board.contains($0) }
      for card in dealt {
        let childReach = theirs.indices.map {
          theirs[$0].cards.contains(card) ? 0 : reach[$0] / Double(48 - board.count)
        }
        let child = values(
          node: betting.children[0], line: line + [card.description], board: board + [card], player: player,
          reach: childReach, best: best)
        for hand in mine.indices where !mine[hand].cards.contains(card) { total[hand] += child[hand] }
      }
      return total
    case .fold(let folder):
      let gain = (folder == player ? -1.0 : 1.0) * (half + Double(betting.committed[folder]))
      return mine.map { hand in
        theirs.indices.reduce(0) { Self.sharesCard(hand, theirs[$1]) ? $0 : $0 + reach[$1] * gain }
      }
    case .showdown:
      let gain = half + Double(betting.committed[0])
      let evaluator = HandEvaluator.shared
      return mine.map { hand in
        let rank = evaluator.rank(of: board + hand.cards)
        return theirs.indices.reduce(0) { sum, other in
          if Self.sharesCard(hand, theirs[other]) { return sum }
          let theirRank = evaluator.rank(of: board + theirs[other].cards)
          let sign: Double = rank > theirRank ? 1 : (rank < theirRank ? -1 : 0)
          return sum + reach[other] * sign * gain
        }
      }
    }
  }

  /// Each player's best-response value and the exploitability in chips, counted as the fast
  /// solver counts them.
  mutating func exploitability() -> (bestResponse: [Double], ev: [Double], chips: Double) {
    let z = pairWeight
    let half = Double(game.spot.rules.pot) / 2
    var best: [Double] = []
    var ev: [Double] = []
    for player in 0..<2 {
      let reach = game.hands[1 - player].map(\.weight)
      let weights = game.hands[player].map(\.weight)
      for (mode, isBest) in [(0, true), (1, false)] {
        let values = values(node: 0, line: [], board: game.spot.board, player: player, reach: reach, best: isBest)
        let value = zip(weights, values).reduce(0) { $0 + $1.0 * $1.1 } / z + half
        if mode == 0 { best.append(value) } else { ev.append(value) }
      }
    }
    return (best, ev, (best[0] + best[1] - 2 * half) / 2)
  }
}
