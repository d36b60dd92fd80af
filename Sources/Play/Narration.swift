import PokerRules

/// The betting of a hand in words, from a viewer's match state: "you check, bot bets 2".
public enum Narration {
  /// One line per round reached, such as `Round 1: you check, bot bets 2, you call 2`.
  public static func betting(
    _ view: MatchState, game: GameDefinition, you: Int, names: (you: String, opponent: String)
  ) -> [String] {
    guard let replayed = try? view.replay(game: game) else { return [] }
    var words = [[String]](repeating: [], count: replayed.actions.count)
    var raised = Set<Int>()
    _ = Replay.state(
      game: game, holeCards: replayed.state.holeCards, board: replayed.state.board, actions: replayed.actions
    ) { state, action in
      let seat = state.currentPlayer
      let who = seat == you ? names.you : names.opponent
      let facing = state.maxSpent - state.spent[seat]
      let text: String
      let person = seat == you ? "" : "s"
      switch action {
      case .fold: text = "\(who) fold\(person)"
      case .call: text = facing == 0 ? "\(who) check\(person)" : "\(who) call\(person) \(facing)"
      case .raise(let to):
        // Opening a round's betting is a bet of the chips added; after blinds it is a raise.
        let opens = facing == 0 && !raised.contains(state.round) && (state.round > 0 || Set(game.blinds).count <= 1)
        text = opens ? "\(who) bet\(person) \(to - state.spent[seat])" : "\(who) raise\(person) to \(to)"
        raised.insert(state.round)
      }
      if state.round < words.count { words[state.round].append(text) }
    }
    return words.enumerated().map { round, said in
      let name = game.numRounds == 4 ? ["Preflop", "Flop", "Turn", "River"][round] : "Round \(round + 1)"
      return "\(name): " + (said.isEmpty ? "—" : said.joined(separator: ", "))
    }
  }
}
