import Cards

extension State {
  /// Each seat's winnings minus its contribution, once the hand is over; the values sum to zero.
  ///
  /// The pot is split into side pots by contribution level; each goes to the best hand among the
  /// players still in who reached that level, shared equally on a tie (fractions of a chip are
  /// kept, as the ACPC dealer does).
  public var payoffs: [Double]? {
    guard isTerminal else { return nil }
    if activeCount == 1 { return State.payoffs(spent: spent, folded: folded, ranks: nil) }
    guard !holeCardsHidden else { return nil }
    let evaluator = HandEvaluator.shared
    let ranks = (0..<game.numPlayers).map { seat in
      folded[seat] ? HandRank(value: 0) : evaluator.rank(of: CardSet(holeCards[seat] + board))
    }
    return State.payoffs(spent: spent, folded: folded, ranks: ranks)
  }

  /// What each seat wins minus what it put in, given the contributions, who folded, and (when
  /// more than one seat is still in) each seat's hand rank.
  ///
  /// The pot is split into side pots by contribution level; each goes to the best hand among the
  /// seats still in that reached the level, shared equally on a tie.
  public static func payoffs(spent: [Int], folded: [Bool], ranks: [HandRank]?) -> [Double] {
    var won = [Double](repeating: 0, count: spent.count)
    let active = spent.indices.filter { !folded[$0] }
    if active.count == 1 {
      won[active[0]] = Double(spent.reduce(0, +))
    } else if let ranks {
      var previous = 0
      for level in Set(spent).sorted() where level > previous {
        let slice = spent.reduce(0) { $0 + min($1, level) - min($1, previous) }
        let eligible = active.filter { spent[$0] >= level }
        let best = eligible.map { ranks[$0] }.max()!
        let winners = eligible.filter { ranks[$0] == best }
        for winner in winners { won[winner] += Double(slice) / Double(winners.count) }
        previous = level
      }
    }
    return spent.indices.map { won[$0] - Double(spent[$0]) }
  }
}
