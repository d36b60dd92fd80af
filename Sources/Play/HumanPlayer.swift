import Agents
import Arena
import BotProtocol
import Cards
import PokerRules

/// The person at the table: an agent whose decisions come from a ``Console``. It builds the
/// screen model from what the referee shows its seat, keeps the running totals, and, with a
/// coach, reviews each decision. The same player sits in a local game or, through the bot
/// runtime, in a running arena.
public final class HumanPlayer: Agent {
  public let name = "human"
  let game: GameDefinition
  let gameTitle: String
  /// The rules in a sentence, for the help screen.
  let rules: String
  let console: Console
  /// The hand last shown, to say when a new one begins with stacks reset.
  var lastHand = -1
  /// Every finished hand of the session as the review (`l`) shows it, oldest first (the last 200).
  var pastHands: [[String]] = []
  public let opponentName: String
  public private(set) var scoreboard: Scoreboard
  public private(set) var coach: Coach?
  /// Set once the person quits; the session ends after the current decision.
  public private(set) var leaving = false
  var message: String?
  var handsPlanned: Int?
  /// In an arena, this seat's own history: its view of each hand (ACPC `STATE:` lines and the
  /// `handEnd` messages as JSON lines).
  var views: (log: HistoryFile, events: HistoryFile)?

  /// Appends this seat's view of every finished hand to `path.log` and `path.jsonl` (for a seat
  /// in an arena, whose referee keeps the full logs).
  public func keepHistory(at path: String) throws(PlayError) {
    views = (
      try HistoryFile(path: path + ".log", header: "# skeptic play: your view of an arena match"),
      try HistoryFile(path: path + ".jsonl", header: nil)
    )
  }

  public init(
    game: GameDefinition, title: String, rules: String = "", opponentName: String, console: Console, coach: Coach?,
    handsPlanned: Int?
  ) throws {
    self.game = game
    gameTitle = title
    self.rules = rules
    self.console = console
    self.opponentName = opponentName
    self.coach = coach
    self.handsPlanned = handsPlanned
    scoreboard = try Scoreboard(game: game)
  }

  /// The table as this seat sees it in `view`.
  func snapshot(_ view: MatchState, hand: Int, pot: Int?, stacks: [Int]?) -> TableSnapshot {
    let you = view.position
    let opponent = 1 - you
    var table = TableSnapshot(
      title: "\(gameTitle) · hand \(hand + 1)\(handsPlanned.map { " of \($0)" } ?? "")", opponentName: opponentName)
    table.yourCards = view.holeCards[you] ?? []
    table.opponentCards = view.holeCards.indices.contains(opponent) ? view.holeCards[opponent] : nil
    table.opponentCardCount = game.numHoleCards
    table.board = Array(view.boardCards.joined())
    let replayed = try? view.replay(game: game)
    table.pot = pot ?? replayed?.state.pot ?? 0
    let left = stacks ?? (replayed.map { state in (0..<game.numPlayers).map { state.state.stackLeft($0) } } ?? [0, 0])
    if game.stacks != nil {
      table.yourStack = left[you]
      table.opponentStack = left.indices.contains(opponent) ? left[opponent] : 0
    }
    table.betting = Narration.betting(view, game: game, you: you, names: ("you", opponentName))
    table.message = message
    table.totals = [scoreboard.line] + coachLine
    table.pastHands = pastHands
    table.suitless = game.numSuits == 1
    table.rules = rules
    table.unit = scoreboard.unit
    // Heads-up, the button posts the small blind; with antes no one holds it.
    let posted = game.blinds.filter { $0 > 0 }
    if game.numPlayers == 2, Set(posted).count > 1, game.blinds.indices.contains(you) {
      table.youHaveButton = game.blinds[you] == posted.min()
    }
    if let replayed {
      table.spent = replayed.state.spent[you]
      table.opponentSpent = replayed.state.spent.indices.contains(opponent) ? replayed.state.spent[opponent] : 0
      let round = replayed.state.round
      var before: Int?
      var betThisRound = false
      _ = Replay.state(
        game: game, holeCards: replayed.state.holeCards, board: replayed.state.board, actions: replayed.actions
      ) { state, action in
        guard state.round == round else { return }
        if before == nil { before = state.spent[you] }
        if case .raise = action { betThisRound = true }
      }
      // The blinds belong to the first round's betting ("raise to 20" preflop counts them);
      // antes are in before it, so the first bet of an ante game is a bet.
      let blindsOpen = round == 0 && Set(posted).count > 1
      table.spentBeforeRound = blindsOpen ? 0 : before ?? replayed.state.spent[you]
      table.opensRound = !betThisRound && !blindsOpen && replayed.state.maxSpent == table.spentBeforeRound
    }
    return table
  }

  var coachLine: [String] {
    guard let coach, coach.decisions > 0 else { return [] }
    return [
      "coach: \(Coach.chips(coach.givenUp)) given up against the equilibrium over \(coach.decisions) decision\(coach.decisions == 1 ? "" : "s")"
    ]
  }

  /// Asks the person for a decision; the coach reviews the answer.
  public func decide(_ decision: Message.Decide) -> Choice {
    guard let view = try? MatchState(parsing: decision.matchState, game: game) else { return .action(.call) }
    // No-limit stacks start over every hand (as in the ACPC): say so when a new hand begins.
    if decision.hand != lastHand {
      if lastHand >= 0, let stacks = game.stacks, message == nil {
        message = "new hand: stacks are reset to \(stacks.map(String.init).joined(separator: " and "))"
      }
      lastHand = decision.hand
    }
    var table = snapshot(view, hand: decision.hand, pot: decision.pot, stacks: decision.stacks)
    table.status = "your move"
    table.legal = decision.legal
    if game.betting == .noLimit, let raise = decision.legal.raise, raise.count == 2 {
      let spent = game.stack(view.position) - decision.stacks[view.position]
      let afterCall = decision.pot + decision.legal.call
      let sized = { (fraction: Double) in
        min(max(spent + decision.legal.call + Int(Double(afterCall) * fraction), raise[0]), raise[1])
      }
      table.presets = [
        .init(key: "h", label: "½ pot", total: sized(0.5)), .init(key: "p", label: "pot", total: sized(1)),
        .init(key: "a", label: "all-in", total: raise[1]),
      ]
    }
    message = nil
    let choice = console.choose(table)
    if case .action(let action) = choice, var coach, let review = coach.review(view: view, chosen: action) {
      coach.count(review)
      self.coach = coach
      let chosen =
        review.actions.firstIndex(of: action)
        ?? review.actions.firstIndex(where: {
          if case .raise = $0 { return true } else { return false }
        })
      message =
        "coach: \(chosen.map { review.labels[$0] } ?? "that") gave up \(Coach.chips(review.givenUp)) against the equilibrium ("
        + zip(review.labels, review.values).map { "\($0) \(Scoreboard.signed($1))" }.joined(separator: ", ")
        + "; its mix \(Scoreboard.signed(review.equilibriumValue)))"
    }
    if choice == .quit { leaving = true }
    return choice
  }

  /// Shows the end of a hand and counts it; false when the person wants to stop.
  public func finished(_ end: Message.HandEnd) -> Bool {
    guard let view = try? MatchState(parsing: end.matchState, game: game) else { return !leaving }
    let won = end.payoffs.indices.contains(end.seat) ? end.payoffs[end.seat] : 0
    scoreboard.record(won)
    if let views {
      let parts = end.matchState.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
      if parts.count == 5 {
        let seating = (0..<game.numPlayers).map { $0 == end.seat ? 0 : 1 }
        let view = HandRecord(
          hand: end.hand, names: seating.map { $0 == 0 ? "you" : opponentName }, seating: seating,
          betting: String(parts[3]), cards: String(parts[4]), payoffs: end.payoffs,
          corrected: Array(repeating: 0, count: game.numPlayers),
          failures: Array(repeating: nil, count: game.numPlayers))
        try? views.log.append(view.acpcLine)
      }
      try? views.events.append(String(decoding: Message.handEnd(end).encoded(), as: UTF8.self))
    }
    var table = snapshot(view, hand: end.hand, pot: nil, stacks: nil)
    // At a showdown, both hands by name: "(bob shows Ks Kd: a pair of kings; you: ace high)".
    let shown =
      table.opponentCards.map { theirs in
        let (their, mine) = (HandName.of(theirs + table.board), HandName.of(table.yourCards + table.board))
        // The same name on both sides: the higher cards beside it (the kickers) decided.
        let decider = their == mine && won != 0 ? "; the kickers decide" : ""
        return " (\(opponentName) shows \(table.text(theirs)): \(their); you: \(mine)\(decider))"
      } ?? ""
    let amount = Scoreboard.signed(abs(won)).replacingOccurrences(of: "+", with: "")
    let chips = abs(won) == 1 ? "chip" : "chips"
    table.status =
      won > 0
      ? "you win \(amount) \(chips)\(shown)" : won < 0 ? "you lose \(amount) \(chips)\(shown)" : "split pot\(shown)"
    message = nil
    let cards =
      "you: \(table.text(table.yourCards))   \(opponentName): \(table.opponentCards.map(table.text) ?? "not shown")"
    let board = table.board.isEmpty ? "" : "   board: \(table.text(table.board))"
    pastHands.append(["hand \(end.hand + 1): " + cards + board] + table.betting + [table.status])
    if pastHands.count > 200 { pastHands.removeFirst() }
    table.pastHands = pastHands
    return console.handOver(table) && !leaving
  }

  /// The closing lines: hands, chips, mbb/hand with the interval, and the coach's total.
  public var summary: [String] {
    var lines = ["skeptic play: \(gameTitle) against \(opponentName)", "  " + scoreboard.line]
    if let coach, coach.decisions > 0 {
      lines.append(
        "  coach: your \(coach.decisions) decisions gave up \(Coach.chips(coach.givenUp)) against the equilibrium in all (\(Coach.chips(coach.givenUp / Double(coach.decisions))) per decision)"
      )
    }
    return lines
  }

  // Agent, for a seat in a running arena.

  public func act(_ decision: Message.Decide, view: MatchState, game: GameDefinition) -> Action {
    switch decide(decision) {
    case .action(let action): return action
    case .quit: return decision.legal.fold ? .fold : .call
    }
  }

  public func handEnded(_ end: Message.HandEnd, game: GameDefinition) {
    if !finished(end) { leaving = true }
  }

  public var wantsToLeave: Bool { leaving }
}
