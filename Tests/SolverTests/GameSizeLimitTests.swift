import PokerRules
import Solver
import Testing

@Suite struct GameSizeLimitTests {
  /// Preflop and a three-card flop on the full deck: within the public-node limit, but past the
  /// solver's 32-bit slot offsets. Refused at once with the figures, instead of trapping after
  /// gigabytes of compiling.
  @Test func aGamePastTheSlotLimitIsRefusedWithItsSize() throws {
    let text = """
      GAMEDEF
      limit
      numPlayers = 2
      numRounds = 2
      blind = 1 2
      raiseSize = 2 4
      firstPlayer = 2 1
      maxRaises = 3 4
      numSuits = 4
      numRanks = 13
      numHoleCards = 2
      numBoardCards = 0 3
      END GAMEDEF
      """
    let game = try GameDefinition(parsing: text, source: "flop.game")
    do {
      _ = try CompiledGame.compile(game)
      Issue.record("a game with 5e9 slots compiled")
    } catch {
      #expect(error.code == .gameTooLarge)
      #expect(error.description.contains("5.33e+09 information-set actions"), "\(error)")
      #expect(error.description.contains("at most 2.15e+09"), "\(error)")
    }
  }

  @Test func leducStillCompiles() throws {
    #expect(try CompiledGame.compile(BundledGame.leduc.definition).slotCount > 0)
  }
}
