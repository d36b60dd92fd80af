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
        " after 2 hands: +3 chips · +1500 mbb/hand · 95% interval [-1",
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
        "Round 1: bot bets 2, you raise to 5, bot calls 2", "Round 2: bot checks, you bet 4",
      ])
    let holdem = BundledGame.limitHoldem.definition
    let preflop = try MatchState(parsing: "MATCHSTATE:0:0:rc/r:AsKs|/2c3c4c", game: holdem)
    #expect(
      Narration.betting(preflop, game: holdem, you: 0, names: ("you", "bot")) == [
        "Preflop: bot raises to 20, you call 10", "Flop: you bet 10",
      ])
  }
}
