import Arena
import Play
import PokerRules
import Testing

/// One unit everywhere: the arena, `skeptic play` and LBR report games with antes in chips/hand
/// and games with blinds in mbb/hand, and say which on every figure.
@Suite struct ScoreboardTests {
  @Test func gamesWithAntesAreInChipsAndGamesWithBlindsInMilliBigBlinds() throws {
    for game in BundledGame.allCases {
      let definition = game.definition
      let (unit, scale) = MatchRunner.unit(definition)
      switch game {
      case .kuhn, .kuhn3p, .leduc, .noLimitKuhn, .noLimitLeduc:
        #expect(unit == "chips/hand" && scale == 1, "\(game)")
      case .shortHoldem, .limitHoldem, .noLimitHoldem:
        #expect(unit == "mbb/hand" && scale == 1000 / Double(definition.bigBlind), "\(game)")
      }
    }
  }

  @Test func theTableLineNamesItsUnitOnTheMeanAndTheInterval() throws {
    var leduc = try Scoreboard(game: BundledGame.noLimitLeduc.definition)
    for won in [3.0, -1, 2] { leduc.record(won) }
    #expect(leduc.perHand == 4.0 / 3)
    #expect(leduc.line.hasPrefix("after 3 hands: +4 chips · +1.33 chips/hand · 95% interval ["), "\(leduc.line)")
    #expect(leduc.line.hasSuffix("] chips/hand"), "\(leduc.line)")
    var holdem = try Scoreboard(game: BundledGame.limitHoldem.definition)
    for won in [10.0, -5] { holdem.record(won) }
    // 2.5 chips a hand with a big blind of 10: 250 mbb/hand.
    #expect(holdem.perHand == 250)
    #expect(holdem.line.hasPrefix("after 2 hands: +5 chips · +250 mbb/hand · 95% interval ["), "\(holdem.line)")
    #expect(holdem.line.hasSuffix("] mbb/hand"), "\(holdem.line)")
    let interval = try #require(holdem.interval)
    #expect(interval.contains(250))
  }
}
