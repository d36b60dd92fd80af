import PokerRules

/// The betting of a hand in words, from a viewer's match state: "you check, bot bets 2".
public enum Narration {
  /// One line per round reached, such as `Round 1: you check, bot bets 2, you call 2`.
  public static func betting(
    _ view: MatchState, game: GameDefinition, you: Int, names: (you: String, opponent: String)
  ) -> [String] {
    guard let replayed = try? view.replay(game: game) else { return [] }
    var words = [[String]](repeating: [], count: replayed.actions.count)
    // What was posted before the first action: the blinds, small first, or the antes.
    let posted = game.blinds
    if !words.isEmpty, game.numPlayers == 2, posted.count == 2, posted.allSatisfy({ $0 > 0 }) {
      if posted[0] == posted[1] {
        words[0].append("each antes \(posted[0])")
      } else {
        for seat in posted.indices.sorted(by: { posted[$0] < posted[$1] }) {
          let who = seat == you ? "\(names.you) post" : "\(names.opponent) posts"
          words[0].append("\(who) \(posted[seat]) (\(posted[seat] == posted.max() ? "BB" : "SB"))")
        }
      }
    }
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
