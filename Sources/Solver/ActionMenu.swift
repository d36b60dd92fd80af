import PokerRules

/// A no-limit bet menu for a whole game: one ``StreetMenu`` (the spot solver's type) per round,
/// shared by the players, with a cap on bets and raises per round and an all-in threshold.
///
/// Sizes are shares of the pot: a bet's of the pot before it, a raise's of the pot after the call
/// (``BetSize``). Amounts are rounded to chips, raised to the smallest legal raise, and a raise
/// that would put in more than ``allInThreshold`` of what the player has behind becomes all-in.
public struct ActionMenu: Sendable, Hashable {
  /// Each round's menu (the last repeats for later rounds).
  public var rounds: [StreetMenu]
  /// Bets and raises per round at most.
  public var raiseCap: Int
  /// A share of the stack behind past which a bet or raise becomes all-in (1: off).
  public var allInThreshold: Double

  /// - Throws: ``SolverError`` (`badParameter`) for a menu that cannot be built: no round, a
  ///   round with neither bets nor raises, a cap outside 1...100, a threshold outside (0, 1].
  public init(rounds: [StreetMenu], raiseCap: Int = 4, allInThreshold: Double = 1) throws(SolverError) {
    guard !rounds.isEmpty else { throw SolverError(.badParameter, "bet menu: no round has sizes") }
    for (round, menu) in rounds.enumerated() where menu.bets.isEmpty && menu.raises.isEmpty {
      throw SolverError(.badParameter, "bet menu: round \(round + 1) has neither bet nor raise sizes")
    }
    guard (1...100).contains(raiseCap) else {
      throw SolverError(.badParameter, "bet menu: raise cap \(raiseCap); 1 to 100 bets and raises per round")
    }
    guard allInThreshold > 0, allInThreshold <= 1 else {
      throw SolverError(.badParameter, "bet menu: all-in threshold \(allInThreshold); a share in (0, 1]")
    }
    self.rounds = rounds
    self.raiseCap = raiseCap
    self.allInThreshold = allInThreshold
  }

  /// The raise totals the menu offers at a decision of `state`, within the legal `range`,
  /// increasing, without repeats.
  public func raises(_ state: State, range: ClosedRange<Int>) -> [Int] {
    guard state.raisesThisRound < raiseCap else { return [] }
    let seat = state.currentPlayer
    let facing = state.maxSpent
    let toCall = facing - state.spent[seat]
    let menu = rounds[min(state.round, rounds.count - 1)]
    let sizes = toCall == 0 ? menu.bets : menu.raiseSizes(depth: max(1, state.raisesThisRound))
    let behind = state.game.stack(seat) - state.spent[seat]
    var totals: [Int] = []
    for size in sizes {
      var to: Int
      switch size {
      case .allIn:
        to = range.upperBound
      case .percentOfPot(let percent):
        to = facing + Int((percent / 100 * Double(state.pot + toCall)).rounded())
        to = min(max(to, range.lowerBound), range.upperBound)
        if Double(to - state.spent[seat]) > allInThreshold * Double(behind) { to = range.upperBound }
      }
      if !totals.contains(to) { totals.append(to) }
    }
    return totals.sorted()
  }

  /// The raise that `to` is at a decision of `state`, as a share of the pot (a bet's of the pot,
  /// a raise's of the pot after the call): the scale translation works on.
  public static func potShare(raisingTo to: Int, in state: State) -> Double {
    let toCall = state.maxSpent - state.spent[state.currentPlayer]
    return Double(to - state.maxSpent) / Double(state.pot + toCall)
  }
}
