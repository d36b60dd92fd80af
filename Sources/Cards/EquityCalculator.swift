/// Exact and Monte Carlo all-in equity for hold'em-style deals: each player's hole cards plus a
/// shared board of `boardSize` cards, the best five cards playing.
///
/// Exact enumeration walks every completion of the board. The last board card is grouped by rank:
/// when no suit is one card from a flush for anyone, the suits of one rank give the same result,
/// so each rank is ranked once and weighted by the number of its cards left. AhKh against QsQd
/// over all 1,712,304 boards takes about a millisecond this way.
public struct EquityCalculator: Sendable {
  /// The number of board cards in a complete deal (5 for hold'em).
  public var boardSize: Int
  let evaluator = HandEvaluator.shared

  public init(boardSize: Int = 5) {
    self.boardSize = boardSize
  }

  /// Exact equity of known hole cards given a partial board and dead cards.
  ///
  /// - Throws: ``CardError`` when cards repeat, or the board is longer than ``boardSize``.
  public func exact(hands: [[Card]], board: [Card] = [], dead: [Card] = []) throws(CardError) -> EquityResult {
    let used = try checkDisjoint(hands + [board, dead])
    guard board.count <= boardSize else {
      throw CardError(
        .wrongCardCount, token: board.map(\.description).joined(separator: " "),
        reason: "a board holds at most \(boardSize) cards")
    }
    let tally = enumerate(
      hands: hands.map { Hand($0) }, board: Hand(board), remaining: CardSet.fullDeck.subtracting(used),
      toDeal: boardSize - board.count)
    return result(tally, holdings: hands.map { $0.map(\.description).joined() }, exact: true)
  }

  /// Exact equity of ranges (or hands written as one-combination ranges): every combination of
  /// the players' holdings that shares no card, weighted by the product of their weights, and
  /// every board completion.
  public func exact(ranges: [HandRange], board: [Card] = [], dead: [Card] = []) throws(CardError) -> EquityResult {
    let used = try checkDisjoint([board, dead])
    let boardHand = Hand(board)
    var total = EquityTally(players: ranges.count)
    var chosen: [HoleCombo] = []
    func walk(_ player: Int, _ taken: CardSet, _ weight: Double) {
      if player == ranges.count {
        let tally = enumerate(
          hands: chosen.map { Hand($0.cards) }, board: boardHand, remaining: CardSet.fullDeck.subtracting(taken),
          toDeal: boardSize - board.count)
        total.add(tally, weight: weight)
        return
      }
      for combo in ranges[player].combos where combo.cardSet.isDisjoint(with: taken) {
        chosen.append(combo)
        walk(player + 1, taken.union(combo.cardSet), weight * combo.weight)
        chosen.removeLast()
      }
    }
    walk(0, used, 1)
    guard total.deals > 0 else {
      throw CardError(
        .duplicateCard, token: ranges.map(\.text).joined(separator: " vs "),
        reason: "no deal is possible: every combination shares a card with another player, the board or the dead cards")
    }
    return result(total, holdings: ranges.map(\.text), exact: true)
  }

  /// The number of deals an exact range calculation would rank (an estimate of its cost).
  public func exactWork(ranges: [HandRange], board: [Card]) -> Double {
    let combos = ranges.reduce(1.0) { $0 * Double($1.combos.count) }
    var boards = 1.0
    let left = 52 - board.count - 2 * ranges.count
    for i in 0..<(boardSize - board.count) { boards *= Double(left - i) / Double(i + 1) }
    return combos * boards
  }

  func checkDisjoint(_ groups: [[Card]]) throws(CardError) -> CardSet {
    var used = CardSet()
    for card in groups.joined() {
      guard !used.contains(card) else {
        throw CardError(
          .duplicateCard, token: card.description,
          reason: "\(card) is used twice (in two hands, or in a hand and the board or dead cards)")
      }
      used.insert(card)
    }
    return used
  }

  func result(
    _ tally: EquityTally, holdings: [String], exact: Bool, trials: Int = 0, seed: UInt64? = nil,
    halfWidths: [Double]? = nil
  ) -> EquityResult {
    let players = holdings.indices.map { i in
      EquityResult.Player(
        holding: holdings[i], wins: tally.wins[i], ties: tally.ties[i],
        equity: tally.deals > 0 ? tally.shares[i] / tally.deals : 0,
        confidenceHalfWidth: halfWidths?[i] ?? 0)
    }
    return EquityResult(players: players, deals: tally.deals, exact: exact, trials: trials, seed: seed)
  }
}
