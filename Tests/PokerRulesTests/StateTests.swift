import Cards
import PokerRules
import Randomness
import Testing

@Suite struct StateTests {
  /// The first player's expected value when everyone picks uniformly among the legal actions
  /// (each raise size counted once) and cards come uniformly from the deck.
  func uniformValue(_ state: State) -> Double {
    if state.isTerminal { return state.payoffs![0] }
    if state.isChanceNode {
      let cards = state.game.deck.filter { !state.dealtCards.contains($0) }
      return cards.reduce(0) { $0 + uniformValue(try! state.dealing($1)) } / Double(cards.count)
    }
    let actions = state.legalActions!.representative
    return actions.reduce(0) { $0 + uniformValue(try! state.applying($1)) } / Double(actions.count)
  }

  @Test func uniformRandomValues() {
    #expect(abs(uniformValue(State(game: BundledGame.kuhn.definition)) - 0.125) < 1e-12)
    #expect(abs(uniformValue(State(game: BundledGame.leduc.definition)) - -0.078125) < 1e-12)
  }

  func cards(_ text: String) -> [Card] { try! Card.parseList(text) }

  func deal(_ state: inout State, _ text: String) throws {
    for card in cards(text) { try state.deal(card) }
  }

  @Test func noLimitMinimumRaiseAfterARaise() throws {
    var state = State(game: BundledGame.noLimitHoldem.definition)
    try deal(&state, "AcAd KcKd")
    #expect(state.currentPlayer == 1)
    #expect(state.legalActions?.raiseTo == 200...20_000)
    try state.apply(.raise(to: 300))
    #expect(state.currentPlayer == 0)
    #expect(state.legalActions?.raiseTo == 500...20_000)
    #expect(state.legalActions?.callAmount == 200)
    #expect(throws: RulesError.self) { try state.apply(.raise(to: 400)) }
    #expect(
      state.whyIllegal(.raise(to: 400))
        == "a raise to 400 is below the minimum 500 (the larger of the big blind and the last raise, unless all in)")
    try state.apply(.raise(to: 500))
    #expect(state.legalActions?.raiseTo == 700...20_000)
  }

  let shortStacked = try! GameDefinition(
    parsing: """
      GAMEDEF
      nolimit
      numPlayers = 2
      numRounds = 2
      stack = 1000 250
      blind = 100 50
      firstPlayer = 2 1
      numSuits = 4
      numRanks = 13
      numHoleCards = 2
      numBoardCards = 0 5
      END GAMEDEF
      """)

  @Test func allInBelowTheMinimumRaiseAndAShortStackFacingABet() throws {
    var state = State(game: shortStacked)
    try deal(&state, "AcAd KcKd")
    try state.apply(.call)  // the small blind completes to 100
    try state.apply(.raise(to: 200))  // big blind raises by 100
    // The short stack may only go all in, below the minimum re-raise of 300.
    #expect(state.legalActions?.raiseTo == 250...250)
    #expect(
      state.whyIllegal(.raise(to: 260)) == "a raise to 260 is more than the stack allows; the largest is 250 (all in)")
    try state.apply(.raise(to: 250))
    // Facing the short all-in, the big blind may call or fold but not raise: nobody could answer.
    #expect(state.legalActions?.raiseTo == nil)
    #expect(state.legalActions?.callAmount == 50)
    try state.apply(.call)
    #expect(state.bettingOver && state.round == 1 && state.isChanceNode)
    try deal(&state, "2h 7s 9c Jd 4h")
    #expect(state.isTerminal)
    // Aces (seat 0) beat kings; seat 1 loses all it had.
    #expect(state.payoffs == [250, -250])
  }

  @Test func aShortStackCallsAllInForLessAndTheExcessReturns() throws {
    var state = State(game: shortStacked)
    try deal(&state, "AcAd KcKd")
    try state.apply(.call)  // the small blind completes to 100
    try state.apply(.raise(to: 1000))  // the big blind moves in, more than the small blind holds
    // The short stack cannot raise; a call puts it all in for 150 more.
    #expect(state.legalActions == LegalActions(canFold: true, callAmount: 150, raiseTo: nil))
    try state.apply(.call)
    try deal(&state, "2h 7s 9c Jd 4h")
    // Aces (seat 0) beat kings: seat 0 wins the 250 seat 1 could match, the rest comes back.
    #expect(state.payoffs == [250, -250])
  }

  @Test func sidePotsWithThreePlayers() throws {
    let game = try GameDefinition(
      parsing: """
        GAMEDEF
        nolimit
        numPlayers = 3
        numRounds = 2
        stack = 1000 300 1000
        blind = 50 100 0
        firstPlayer = 3 1
        numSuits = 4
        numRanks = 13
        numHoleCards = 2
        numBoardCards = 0 5
        END GAMEDEF
        """)
    var state = State(game: game)
    try deal(&state, "KcKd AcAd QcQd")
    #expect(state.currentPlayer == 2)
    try state.apply(.raise(to: 1000))
    try state.apply(.call)
    try state.apply(.call)
    #expect(state.spent == [1000, 300, 1000])
    #expect(state.bettingOver && state.isChanceNode)
    try deal(&state, "2h 7s 9c Jd 4h")
    // Main pot 900 to the aces (seat 1); side pot 1,400 between kings and queens to the kings.
    #expect(state.payoffs == [400, 600, -1000])
  }

  @Test func limitRaisesStopAtTheCap() throws {
    var state = State(game: BundledGame.leduc.definition)
    try deal(&state, "Qh Kh")
    try state.apply(.raise(to: 3))
    try state.apply(.raise(to: 5))
    #expect(state.legalActions?.raiseTo == nil)
    #expect(state.whyIllegal(.raise(to: 7)) == "no raise is allowed: round 1 allows at most 2 raises")
    #expect(state.whyIllegal(.fold) == nil)
    try state.apply(.call)
    #expect(state.round == 1 && state.isChanceNode)
    #expect(throws: RulesError.self) { try state.apply(.call) }
    // Qh was dealt already; 2c is not in Leduc's deck (Qh Qs Kh Ks Ah As).
    #expect(throws: RulesError.self) { try state.deal(Card(rank: 10, suit: 2)) }
    #expect(throws: RulesError.self) { try state.deal(Card(rank: 0, suit: 0)) }
    try state.deal(Card(rank: 10, suit: 3))
    #expect(state.whyIllegal(.fold) == "folding is allowed only when facing a bet; check instead")
  }

  @Test(arguments: BundledGame.allCases)
  func randomPlayoutsKeepEveryRule(game: BundledGame) throws {
    try playOut(game.definition, hands: game == .noLimitHoldem || game == .limitHoldem ? 2_000 : 4_000)
  }

  /// Six- and ten-handed no-limit with uneven stacks: many all-ins and side pots.
  @Test(arguments: [6, 10])
  func randomMultiwayNoLimitPlayouts(players: Int) throws {
    let stacks = (0..<players).map { String(300 + 250 * $0) }.joined(separator: " ")
    let blinds = (["50", "100"] + Array(repeating: "0", count: players - 2)).joined(separator: " ")
    let text = [
      "GAMEDEF", "nolimit", "numPlayers = \(players)", "numRounds = 4", "stack = \(stacks)",
      "blind = \(blinds)", "firstPlayer = 3 1 1 1", "numSuits = 4", "numRanks = 13", "numHoleCards = 2",
      "numBoardCards = 0 3 1 1", "END GAMEDEF",
    ].joined(separator: "\n")
    try playOut(GameDefinition(parsing: text), hands: 1_500)
  }

  func playOut(_ definition: GameDefinition, hands: Int) throws {
    var generator = SeededGenerator(seed: 12_345)
    for hand in 0..<hands {
      var deck = Deck(cards: definition.deck, seed: UInt64(hand))
      var state = State(game: definition)
      while !state.isTerminal {
        if state.isChanceNode {
          #expect(throws: RulesError.self) { try state.apply(.call) }
          if let dealt = Array(state.dealtCards).first {
            #expect(throws: RulesError.self) { try state.deal(dealt) }
          }
          try state.deal(deck.deal()!)
          continue
        }
        try checkMatchStates(state, hand: hand)
        let legal = try #require(state.legalActions)
        if !legal.canFold { #expect(throws: RulesError.self) { try state.apply(.fold) } }
        if let range = legal.raiseTo {
          #expect(state.whyIllegal(.raise(to: range.upperBound + 1)) != nil)
          if range.lowerBound > state.maxSpent + 1 {
            #expect(state.whyIllegal(.raise(to: range.lowerBound - 1)) != nil)
          }
        } else {
          #expect(state.whyIllegal(.raise(to: state.maxSpent + 1)) != nil)
        }
        var choices: [Action] = [.call]
        if legal.canFold { choices.append(.fold) }
        if let range = legal.raiseTo {
          let span = range.upperBound - range.lowerBound + 1
          choices.append(.raise(to: range.lowerBound + generator.uniform(below: span)))
          choices.append(.raise(to: range.upperBound))
        }
        let before = state.pot
        try state.apply(choices[generator.uniform(below: choices.count)])
        #expect(state.pot >= before)
      }
      try checkMatchStates(state, hand: hand)
      let payoffs = try #require(state.payoffs)
      #expect(abs(payoffs.reduce(0, +)) < 1e-9)
      for seat in 0..<definition.numPlayers {
        #expect(payoffs[seat] >= -Double(state.spent[seat]) - 1e-9)
        #expect(state.spent[seat] <= definition.stack(seat))
      }
    }
  }

  /// Every viewer's match state renders, parses and renders again to the same text and value.
  func checkMatchStates(_ state: State, hand: Int) throws {
    for viewer in 0..<state.game.numPlayers {
      let view = MatchState(state: state, viewer: viewer, handNumber: hand)
      let text = view.description
      let parsed = try MatchState(parsing: text, game: state.game)
      #expect(parsed.description == text)
      #expect(parsed == view)
      let replayed = try parsed.replay(game: state.game).state
      #expect(replayed.spent == state.spent)
      #expect(replayed.actions == state.actions)
    }
  }

  @Test func leducMatchStateAsTheDocumentationShows() throws {
    var state = State(game: BundledGame.leduc.definition)
    try state.deal(Card(rank: 10, suit: 2))
    try state.deal(Card(rank: 12, suit: 3))
    try state.apply(.raise(to: 3))
    #expect(MatchState(state: state, viewer: 1, handNumber: 0).description == "MATCHSTATE:1:0:r:|As")
  }

  @Test func matchStateTextFollowsTheACPCExamples() throws {
    let holdem = BundledGame.noLimitHoldem.definition
    let text = "MATCHSTATE:0:30:cc/:9s8h|/8c8d5c"
    let view = try MatchState(parsing: text, game: holdem)
    #expect(view.description == text)
    #expect(view.holeCards[1] == nil)
    #expect(view.boardCards[1].map(\.description) == ["8c", "8d", "5c"])
    let raised = try MatchState(parsing: "MATCHSTATE:1:31:r300c/r900:|Ah2c/Ks7d3h", game: holdem)
    #expect(raised.actions == [[.raise(to: 300), .call], [.raise(to: 900)]])
    for bad in [
      "MATCHSTATE:2:0::|", "MATCHSTATE:0:0:x:|", "MATCHSTATE:0:0::AhAh|", "MATCHSTATE:0:0:cc/:|", "STATE:0:0::|",
    ] {
      #expect(throws: RulesError.self) { try MatchState(parsing: bad, game: holdem) }
    }
  }
}
