import Cards

extension MatchState {
  /// Reads ACPC match-state text for a game.
  ///
  /// - Throws: ``RulesError`` with code `malformedMatchState` naming the part that is wrong.
  public init(parsing text: some StringProtocol, game: GameDefinition) throws(RulesError) {
    func fail(_ message: String) -> RulesError {
      RulesError(.malformedMatchState, "'\(text)': \(message)")
    }
    let fields = text.split(separator: ":", omittingEmptySubsequences: false)
    guard fields.count == 5, fields[0] == "MATCHSTATE" else {
      throw fail("expected MATCHSTATE:<position>:<hand>:<betting>:<cards>")
    }
    guard let position = Int(fields[1]), (0..<game.numPlayers).contains(position) else {
      throw fail("position '\(fields[1])' is not a seat from 0 to \(game.numPlayers - 1)")
    }
    guard let handNumber = Int(fields[2]), handNumber >= 0 else {
      throw fail("hand number '\(fields[2])' is not a non-negative whole number")
    }
    var actions: [[Action]] = []
    for roundText in fields[3].split(separator: "/", omittingEmptySubsequences: false) {
      var round: [Action] = []
      var rest = roundText[...]
      while let first = rest.first {
        rest = rest.dropFirst()
        switch first {
        case "f": round.append(.fold)
        case "c", "k": round.append(.call)
        case "r", "b":
          let digits = rest.prefix(while: \.isNumber)
          rest = rest.dropFirst(digits.count)
          if game.betting == .noLimit {
            guard let to = Int(digits) else { throw fail("a no-limit raise needs its total, such as r250") }
            round.append(.raise(to: to))
          } else {
            round.append(.raise(to: 0))
          }
        default:
          throw fail("'\(first)' is not an action; actions are f, c, r")
        }
      }
      actions.append(round)
    }
    guard actions.count <= game.numRounds else {
      throw fail("the betting has \(actions.count) rounds; the game has \(game.numRounds)")
    }
    let cardParts = fields[4].split(separator: "/", omittingEmptySubsequences: false)
    let holes = cardParts[0].split(separator: "|", omittingEmptySubsequences: false)
    guard holes.count == game.numPlayers else {
      throw fail("expected \(game.numPlayers) seats' hole cards separated by '|', found \(holes.count)")
    }
    var holeCards: [[Card]?] = []
    for hole in holes {
      if hole.isEmpty {
        holeCards.append(nil)
      } else {
        do {
          holeCards.append(try Card.parseList(hole, count: game.numHoleCards))
        } catch {
          throw fail("hole cards '\(hole)': \(error.reason)")
        }
      }
    }
    let writesFirst = game.boardCards[0] > 0
    var boards: [[Card]] = writesFirst ? [] : [[]]
    for part in cardParts.dropFirst() {
      do {
        boards.append(try Card.parseList(part, count: game.boardCards[min(boards.count, game.numRounds - 1)]))
      } catch {
        throw fail("board cards '\(part)': \(error.reason)")
      }
    }
    guard boards.count == actions.count else {
      throw fail(
        "the betting reaches round \(actions.count) but the board has cards for \(boards.count) round\(boards.count == 1 ? "" : "s")"
      )
    }
    self.position = position
    self.handNumber = handNumber
    self.actions = actions
    self.holeCards = holeCards
    self.boardCards = boards
    raiseSizesWritten = game.betting == .noLimit
    writesFirstRoundBoard = writesFirst
    if game.betting == .limit {
      // Limit text writes raises without totals; the rules give each its one legal total.
      self.actions = try replay(game: game).actions
    }
  }

  /// Replays the betting under the rules, checking every action; limit raises read as `r` get
  /// their totals.
  ///
  /// Hole cards hidden from the viewer are filled with unused cards of the deck so that betting
  /// can proceed; the returned state's betting, pot and board are the hand's, but those hole
  /// cards are placeholders, not knowledge.
  public func replay(game: GameDefinition) throws(RulesError) -> (state: State, actions: [[Action]]) {
    var state = State(game: game)
    var resolved: [[Action]] = []
    var visible = CardSet(boardCards.joined())
    for cards in holeCards { if let cards { visible.formUnion(CardSet(cards)) } }
    var spare = game.deck.filter { !visible.contains($0) }.makeIterator()
    for seat in 0..<game.numPlayers {
      state.holeCards[seat] = holeCards[seat] ?? (0..<game.numHoleCards).map { _ in spare.next()! }
    }
    for (round, roundActions) in actions.enumerated() {
      resolved.append([])
      if round > 0 {
        guard state.round >= round else {
          throw RulesError(.malformedMatchState, "\(self): round \(round) begins before round \(round) betting closed")
        }
      }
      for card in boardCards[round] where state.board.count < game.boardCardsThrough(round: round) {
        state.board.append(card)
      }
      for action in roundActions {
        guard state.round == round, !state.bettingOver else {
          throw RulesError(.malformedMatchState, "\(self): action \(action) comes after round \(round + 1) closed")
        }
        var concrete = action
        if case .raise = action, game.betting == .limit, let range = state.legalActions?.raiseTo {
          concrete = .raise(to: range.lowerBound)
        }
        do {
          try state.apply(concrete)
        } catch {
          throw RulesError(.malformedMatchState, "\(self): \(error.message)")
        }
        resolved[round].append(concrete)
      }
    }
    return (state, resolved)
  }
}
