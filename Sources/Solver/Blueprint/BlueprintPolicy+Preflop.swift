import Cards
import PokerRules

extension BlueprintPolicy {
  /// The preflop decision that `line` reaches (moves in ACPC notation: `f`, `c` (or `k`, `x`),
  /// `r` for a limit raise or the only raise, `r<to>`), per starting-hand class.
  ///
  /// - Throws: ``SolverError`` (`badParameter`) for a blueprint whose preflop buckets are not the
  ///   169 classes (another game, or other card buckets), or a move the blueprint does not have
  ///   there (naming the moves it has), or a line that leaves the preflop.
  public func preflopView(line: [String]) throws(SolverError) -> BlueprintPreflopView {
    let game = tree.game
    guard game.numHoleCards == 2, game.numSuits == 4, game.numRanks == 13, bucketCounts.first == 169,
      bucketsIdentity.hasPrefix("SKCARD01") || bucketsIdentity.hasPrefix("unsaved")
    else {
      throw SolverError(
        .badParameter,
        "the preflop grid needs a hold'em blueprint trained on a card abstraction (169 preflop classes); this one's game has \(game.numRanks) ranks and \(game.numSuits) suits, buckets \(bucketsIdentity)"
      )
    }
    let indexer = try! HandIndexer(rounds: [2])
    // Each class's bucket (its canonical index) and combinations.
    var classes: [(key: HandClass, bucket: Int, combos: Double)] = []
    for row in 0..<13 {
      for column in 0..<13 {
        let key = HandClass(row: row, column: column)
        let high = 12 - min(row, column)
        let low = 12 - max(row, column)
        let suited = row < column
        let cards = [Card(rank: high, suit: 0), Card(rank: low, suit: suited ? 0 : 1)]
        let bucket = try! indexer.index(of: cards)
        classes.append((key, bucket, row == column ? 6 : suited ? 4 : 12))
      }
    }
    var reach = [[Double]](repeating: [Double](repeating: 1, count: classes.count), count: 2)
    var node = 0
    for (step, token) in line.enumerated() {
      let entry = tree.nodes[node]
      guard entry.isDecision, entry.round == 0 else {
        throw SolverError(
          .badParameter,
          "line: '\(token)' comes after the preflop ends (after '\(line.prefix(step).joined(separator: ","))')")
      }
      let moves = childMoves(node)
      guard let move = Self.move(token, among: moves, noLimit: game.betting == .noLimit) else {
        throw SolverError(
          .badParameter,
          "line: '\(token)' is not a move the blueprint has here; expected one of \(moves.map { $0.acpc(withSize: game.betting == .noLimit) }.joined(separator: " "))"
        )
      }
      let player = Int(entry.kind)
      for (index, entry) in classes.enumerated() {
        reach[player][index] *= strategy(node: node, bucket: entry.bucket)[move]
      }
      node = Int(entry.firstChild) + move
    }
    let entry = tree.nodes[node]
    guard entry.isDecision, entry.round == 0 else {
      throw SolverError(.badParameter, "line: '\(line.joined(separator: ","))' does not end at a preflop decision")
    }
    let player = Int(entry.kind)
    let actions = childMoves(node)
    var result: [HandClass: BlueprintPreflopView.Class] = [:]
    var frequencies = [Double](repeating: 0, count: actions.count)
    var total = 0.0
    for (index, entry) in classes.enumerated() {
      let weight = entry.combos * reach[player][index]
      let mix = strategy(node: node, bucket: entry.bucket)
      result[entry.key] = .init(weight: weight, mix: mix)
      total += weight
      for action in actions.indices { frequencies[action] += weight * mix[action] }
    }
    return BlueprintPreflopView(
      line: line, position: player, blind: game.blinds.indices.contains(player) ? game.blinds[player] : 0,
      actions: actions, frequencies: frequencies.map { total > 0 ? $0 / total : 0 }, classes: result,
      next: actions.map { $0.acpc(withSize: game.betting == .noLimit) })
  }

  /// The moves leading to a decision node's children, in order.
  func childMoves(_ node: Int) -> [Action] {
    let entry = tree.nodes[node]
    return (0..<Int(entry.childCount)).compactMap { tree.incoming[Int(entry.firstChild) + $0] }
  }

  /// The index of the move `token` names among `moves`.
  static func move(_ token: String, among moves: [Action], noLimit: Bool) -> Int? {
    let word = token.lowercased()
    if let exact = moves.firstIndex(where: { $0.acpc(withSize: noLimit) == word }) { return exact }
    switch word {
    case "k", "x", "check", "call": return moves.firstIndex(of: .call)
    case "fold": return moves.firstIndex(of: .fold)
    case "r", "raise":
      let raises = moves.indices.filter { if case .raise = moves[$0] { true } else { false } }
      return raises.count == 1 ? raises[0] : nil
    default: return nil
    }
  }
}
