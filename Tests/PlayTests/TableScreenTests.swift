import BotProtocol
import Cards
import Play
import PokerRules
import Testing

@Suite struct TableScreenTests {
  func card(_ text: String) -> Card { try! Card(parsing: text) }

  var leducTable: TableSnapshot {
    var table = TableSnapshot(title: "Leduc hold'em · hand 3 of 10", opponentName: "call")
    table.yourCards = [card("Kh")]
    table.board = [card("Qs")]
    table.pot = 6
    table.betting = ["Round 1: you bet 2, call calls 2", "Round 2: you check, call bets 4"]
    table.status = "your move"
    table.legal = .init(fold: true, call: 4, raise: [11, 11])
    table.totals = ["after 2 hands: +3 chips · +1500 mbb/hand · 95% interval [-13000, +13000]"]
    return table
  }

  @Test func aLeducDecisionDrawsAsExpected() {
    let lines = TableScreen(color: false, unicode: false).render(leducTable, width: 60, height: 24)
    let rule = String(repeating: "─", count: 60)
    #expect(
      lines == [
        " Leduc hold'em · hand 3 of 10", rule, "  call       [??]", "", "  board  [Qs]    pot 6", "",
        "  you        [Kh]", rule, "  Round 1: you bet 2, call calls 2", "  Round 2: you check, call bets 4", rule,
        " your move", "  [f] fold  [c] call 4  [r] raise to 11   [?] help  [q] quit", rule,
        " after 2 hands: +3 chips · +1500 mbb/hand · 95% interval", "   [-13000, +13000]",
      ])
  }

  @Test func suitsAreSymbolsAndRedSuitsRedOnAColourTerminal() {
    let lines = TableScreen(color: true, unicode: true).render(leducTable, width: 60, height: 24)
    #expect(lines[6].contains("\u{1B}[1;31m[K♥]\u{1B}[0m"))
    #expect(lines[4].contains("\u{1B}[1m[Q♠]\u{1B}[0m"))
    #expect(lines[2].contains("[░░]"))
  }

  @Test func aShortWindowKeepsTheLatestBettingAndTheChoices() {
    var table = leducTable
    table.betting = (1...4).map { "Round \($0): you check, call checks" }
    let lines = TableScreen(color: false, unicode: false).render(table, width: 40, height: 12)
    #expect(lines.count == 12)
    #expect(lines.allSatisfy { $0.count <= 40 })
    #expect(!lines.contains { $0.contains("Round 1:") })
    #expect(lines.contains { $0.contains("Round 4:") })
    #expect(lines.contains { $0.contains("[c] call 4") })
  }

  @Test func aWrappedRoundIsShownWholeOrMarkedAsCut() {
    var table = leducTable
    table.betting = [
      "Preflop: raise raises to 20, you call 10", "Flop: you check, raise bets 10, you call 10", "Turn: —",
    ]
    let screen = TableScreen(color: false, unicode: false)
    let lines = screen.render(table, width: 40, height: 12)
    #expect(lines.count == 12)
    // The preflop round wraps to two lines and does not fit: it is left out whole, not shown by
    // its second line alone, and a "…" line says earlier rounds are hidden.
    #expect(!lines.contains { $0.hasPrefix("    ") && !$0.hasPrefix("    [") }, "\(lines)")
    #expect(lines.contains("  …"), "\(lines)")
    #expect(lines.contains("  Turn: —"))
    // A line taller: the flop's two lines fit, whole, and the preflop's do not.
    let taller = screen.render(table, width: 40, height: 13)
    #expect(taller.contains { $0.contains("Flop: you check") }, "\(taller)")
    #expect(taller.contains { $0.hasPrefix("    call 10") }, "\(taller)")
    #expect(!taller.contains { $0.contains("Preflop:") || $0.contains("call 10") && !$0.hasPrefix("    call") })
    // One line for a round of two: its last line, marked as cut.
    table.betting = ["Flop: you check, raise bets 10, you call 10"]
    let tiny = screen.render(table, width: 40, height: 7)
    #expect(tiny.contains { $0.hasPrefix("  … ") }, "\(tiny)")
    #expect(!tiny.contains { $0.contains("Flop:") })
  }

  @Test func theBoardLineKeepsThePotFigureAt40Columns() {
    var table = leducTable
    table.board = ["7d", "3d", "Jd", "5d", "Jh"].map(card)
    table.pot = 100
    let screen = TableScreen(color: false, unicode: true)
    #expect(screen.render(table, width: 42, height: 24).contains("  board [7♦] [3♦] [J♦] [5♦] [J♥]  pot 100"))
    #expect(screen.render(table, width: 40, height: 24).contains("  [7♦] [3♦] [J♦] [5♦] [J♥] pot 100"))
    #expect(screen.render(table, width: 60, height: 24).contains("  board  [7♦] [3♦] [J♦] [5♦] [J♥]    pot 100"))
  }

  @Test func noLimitShowsTheTypedSizeAndPresets() {
    var table = leducTable
    table.typedAmount = "25"
    table.presets = [.init(key: "h", label: "½ pot", total: 300), .init(key: "a", label: "all-in", total: 20_000)]
    table.yourStack = 19_900
    table.opponentStack = 19_800
    let lines = TableScreen(color: false, unicode: false).render(table, width: 120, height: 24)
    #expect(lines.contains("  raise to: 25_   (Enter to bet, Esc to go back)   [h] ½ pot 300  [a] all-in 20000"))
    #expect(lines.contains("  you        [Kh]    stack 19900"))
  }

  @Test func theBettingReadsInWords() throws {
    let leduc = BundledGame.leduc.definition
    let view = try MatchState(parsing: "MATCHSTATE:1:0:rrc/cr:|As/Kh", game: leduc)
    #expect(
      Narration.betting(view, game: leduc, you: 1, names: ("you", "bot")) == [
        "Round 1: each antes 1, bot bets 2, you raise to 5, bot calls 2", "Round 2: bot checks, you bet 4",
      ])
    let holdem = BundledGame.limitHoldem.definition
    let preflop = try MatchState(parsing: "MATCHSTATE:0:0:rc/r:AsKs|/2c3c4c", game: holdem)
    #expect(
      Narration.betting(preflop, game: holdem, you: 0, names: ("you", "bot")) == [
        "Preflop: bot posts 5 (SB), you post 10 (BB), bot raises to 20, you call 10", "Flop: you bet 10",
      ])
  }

  @Test func betLabelsSayWhatTheyDo() {
    let screen = TableScreen(color: false, unicode: false)
    var table = leducTable
    // Opening a round: a bet of the chips it adds, with the hand's total.
    table.legal = .init(fold: false, call: 0, raise: [9, 9])
    table.spent = 5
    table.spentBeforeRound = 5
    table.opensRound = true
    #expect(screen.prompt(table) == ["[c] check  [r] bet 4 (9 in this hand)   [?] help  [q] quit"])
    // Facing a bet: a raise to this round's total.
    table.legal = .init(fold: true, call: 4, raise: [13, 13])
    table.opensRound = false
    #expect(screen.prompt(table) == ["[f] fold  [c] call 4  [r] raise to 8   [?] help  [q] quit"])
    // Every chip behind: all-in.
    table.yourStack = 8
    #expect(screen.prompt(table) == ["[f] fold  [c] call 4  [r] all-in 8   [?] help  [q] quit"])
    // No-limit: totals for the hand, and the presets at the prompt itself.
    table.legal = .init(fold: true, call: 4, raise: [13, 100])
    table.yourStack = 95
    table.presets = [.init(key: "p", label: "pot", total: 30), .init(key: "a", label: "all-in", total: 100)]
    #expect(
      screen.prompt(table) == [
        "[f] fold  [c] call 4  [r] raise to 13–100 (hand total)  [p] pot [a] all-in   [?] help  [q] quit"
      ])
    // More than a pot is asked about first; a pot or less is not.
    table.pot = 20
    #expect(table.confirmation(for: .action(.raise(to: 100)))?.contains("more than the pot of 20") == true)
    #expect(table.confirmation(for: .action(.raise(to: 25))) == nil)
  }

  @Test func kuhnCardsHaveNoSuitsAndTheButtonIsMarked() {
    var table = TableSnapshot(title: "Kuhn poker · hand 1", opponentName: "bot")
    table.yourCards = [card("Ks")]
    table.opponentCards = [card("Qs")]
    table.suitless = true
    table.youHaveButton = true
    let lines = TableScreen(color: false, unicode: true).render(table, width: 60, height: 24)
    #expect(lines.contains("  you        [K]    (button)"))
    #expect(lines.contains("  bot        [Q]"))
    #expect(table.text(table.yourCards) == "K")
  }

  @Test func limitSeatsShowTheirChipsInThePot() {
    var table = leducTable
    table.spent = 3
    table.opponentSpent = 7
    let lines = TableScreen(color: false, unicode: false).render(table, width: 60, height: 24)
    #expect(lines.contains("  you        [Kh]    in the pot 3"))
    #expect(lines.contains("  call       [??]    in the pot 7"))
    // No-limit seats show their stacks instead.
    table.yourStack = 95
    table.opponentStack = 91
    let noLimit = TableScreen(color: false, unicode: false).render(table, width: 60, height: 24)
    #expect(noLimit.contains("  you        [Kh]    stack 95"))
  }

  @Test func longLinesWrapAndTheQuitKeyShowsAt40By12() {
    var table = leducTable
    table.message = "coach: raise gave up 0.25 chips against the equilibrium (fold -1, call +0.5, raise +0.25)"
    let lines = TableScreen(color: false, unicode: false).render(table, width: 40, height: 12)
    #expect(lines.count == 12)
    #expect(lines.allSatisfy { $0.count <= 40 })
    #expect(lines.contains { $0.contains("[q] quit") }, "\(lines)")
    #expect(lines.contains { $0.contains("Round 2:") })
    let wrapped = TableScreen(color: false, unicode: false).render(table, width: 40, height: 40)
    // The message is wrapped over lines, not cut: every word of it is on screen.
    let text = wrapped.joined(separator: " ")
    for word in ["fold", "-1,", "call", "+0.5,", "raise", "+0.25)"] { #expect(text.contains(word), "\(word)") }
  }

  @Test func theReviewStepsBackThroughTheHandsPlayed() {
    var table = leducTable
    table.pastHands = [
      ["hand 1: you: Kh   call: Qs", "Round 1: each antes 1, you bet 2, call folds", "you win 1 chip"],
      [
        "hand 2: you: Jh   call: not shown", "Round 1: each antes 1, you check, call bets 2, you fold",
        "you lose 1 chip",
      ],
    ]
    let screen = TableScreen(color: false, unicode: false)
    table.reviewing = 0
    #expect(screen.review(table).dropFirst().first == "hand 2: you: Jh   call: not shown")
    table.reviewing = 1
    #expect(screen.review(table).dropFirst().first == "hand 1: you: Kh   call: Qs")
    // Past the first hand it stays on the first.
    table.reviewing = 5
    #expect(screen.review(table).dropFirst().first == "hand 1: you: Kh   call: Qs")
    let lines = screen.render(table, width: 80, height: 40)
    #expect(lines.contains { $0.contains("you win 1 chip") })
    table.pastHands = []
    #expect(screen.review(table) == ["no hand has finished yet"])
  }

  @Test func theHelpExplainsTheGameTheUnitAndTheInterval() {
    var table = leducTable
    table.rules = BundledGame.leduc.summary
    table.unit = "chips/hand"
    let help = TableScreen(color: false, unicode: false).help(table).joined(separator: " ")
    for phrase in ["Leduc hold'em: six cards", "chips/hand", "anytime-valid", "however often", "coach", "q quit"] {
      #expect(help.contains(phrase), "\(phrase)")
    }
  }
}
