import Foundation
import PokerRules
import Testing

@Suite struct GameDefinitionTests {
  @Test(arguments: BundledGame.allCases)
  func bundledGamesRoundTripThroughText(game: BundledGame) throws {
    let definition = game.definition
    #expect(try GameDefinition(parsing: definition.text) == definition)
    #expect(try GameDefinition.named(game.rawValue) == definition)
  }

  @Test func leducReadsAsDocumented() {
    let leduc = BundledGame.leduc.definition
    #expect(leduc.betting == .limit)
    #expect(leduc.numPlayers == 2 && leduc.numRounds == 2)
    #expect(leduc.raiseSizes == [2, 4] && leduc.maxRaises == [2, 2])
    #expect(leduc.firstPlayer == [0, 0])
    #expect(leduc.deck.map(\.description) == ["Qh", "Qs", "Kh", "Ks", "Ah", "As"])
    let nolimit = BundledGame.noLimitHoldem.definition
    #expect(nolimit.stacks == [20_000, 20_000] && nolimit.bigBlind == 100)
  }

  func error(_ text: String) -> GameDefinitionError? {
    do {
      _ = try GameDefinition(parsing: text, source: "test.game")
      return nil
    } catch {
      return error
    }
  }

  let base = """
    GAMEDEF
    limit
    numPlayers = 2
    numRounds = 2
    blind = 1 1
    raiseSize = 2 4
    firstPlayer = 1 1
    maxRaises = 2 2
    numSuits = 2
    numRanks = 3
    numHoleCards = 1
    numBoardCards = 0 1
    END GAMEDEF
    """

  @Test func aBlindCountThatDoesNotMatchThePlayersNamesLineAndKey() throws {
    let failure = try #require(error(base.replacingOccurrences(of: "blind = 1 1", with: "blind = 1 1 1")))
    #expect(failure.code == .inconsistent)
    #expect(failure.line == 5)
    #expect(failure.key == "blind")
    #expect(failure.description == "test.game:5 (blind): expected 2 values (one per player), found 3")
  }

  @Test func moreCardsThanTheDeckHoldsIsRefused() throws {
    let failure = try #require(error(base.replacingOccurrences(of: "numHoleCards = 1", with: "numHoleCards = 3")))
    #expect(failure.code == .inconsistent)
    #expect(failure.key == "numHoleCards")
    #expect(failure.message.contains("deals 7 cards"))
  }

  @Test func unknownAndMissingKeysAreNamed() throws {
    let unknown = try #require(error(base.replacingOccurrences(of: "numRanks = 3", with: "numRank = 3")))
    #expect(unknown.code == .unknownKey && unknown.line == 10 && unknown.key == "numRank")
    let missing = try #require(error(base.replacingOccurrences(of: "raiseSize = 2 4\n", with: "")))
    #expect(missing.code == .missingKey && missing.key == "raiseSize")
    let noBetting = try #require(error(base.replacingOccurrences(of: "limit\n", with: "")))
    #expect(noBetting.code == .missingKey)
    let noEnd = try #require(error(base.replacingOccurrences(of: "END GAMEDEF", with: "")))
    #expect(noEnd.code == .missingBlock)
  }

  @Test func malformedValuesAreNamed() throws {
    let words = try #require(error(base.replacingOccurrences(of: "numSuits = 2", with: "numSuits = two")))
    #expect(words.code == .malformedValue && words.line == 9 && words.key == "numsuits")
    let seat = try #require(error(base.replacingOccurrences(of: "firstPlayer = 1 1", with: "firstPlayer = 1 3")))
    #expect(seat.code == .inconsistent && seat.key == "firstPlayer")
    let twice = try #require(error(base.replacingOccurrences(of: "numRanks = 3", with: "numRanks = 3\nnumRanks = 3")))
    #expect(twice.code == .inconsistent && twice.line == 11)
    let noLimitWithoutStack = try #require(
      error(
        base.replacingOccurrences(of: "limit\n", with: "nolimit\n").replacingOccurrences(
          of: "raiseSize = 2 4\n", with: "")))
    #expect(noLimitWithoutStack.code == .missingKey && noLimitWithoutStack.key == "stack")
  }

  @Test func unknownGameNamesListTheBundledOnes() {
    #expect(throws: GameDefinitionError.self) { try GameDefinition.named("holdem") }
    #expect(throws: GameDefinitionError.self) { try GameDefinition.named("/nonexistent/x.game") }
  }
}
