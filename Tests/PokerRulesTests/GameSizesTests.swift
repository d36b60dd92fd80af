import Cards
import PokerRules
import Testing

/// A direct walk of the full tree, every card dealt one at a time: the readable check on the
/// counting in `GameSizes`.
struct TreeWalk {
  var chance = 0
  var decision = 0
  var terminal = 0
  var informationSets: [Set<String>]

  init(_ game: GameDefinition) {
    informationSets = Array(repeating: [], count: game.numPlayers)
    walk(State(game: game))
  }

  mutating func walk(_ state: State) {
    if state.isTerminal {
      terminal += 1
      return
    }
    if state.isChanceNode {
      chance += 1
      for card in state.game.deck where !state.dealtCards.contains(card) {
        walk(try! state.dealing(card))
      }
      return
    }
    decision += 1
    let seat = state.currentPlayer
    let rounds = (0...state.round).map { state.boardCards(ofRound: $0).sorted().map(\.description).joined() }
    let key = "\(state.holeCards[seat].sorted())|\(rounds)|\(state.actions)"
    informationSets[seat].insert(key)
    for action in state.legalActions!.representative { walk(try! state.applying(action)) }
  }
}

@Suite struct GameSizesTests {
  @Test func kuhn() throws {
    let sizes = try #require(GameSizes.count(BundledGame.kuhn.definition))
    #expect(sizes.histories == 58 && sizes.chanceNodes == 4 && sizes.decisionNodes == 24 && sizes.terminalNodes == 30)
    #expect(sizes.informationSets == [6, 6])
    #expect(sizes.informationSetActions == [12, 12])
  }

  @Test func leduc() throws {
    let sizes = try #require(GameSizes.count(BundledGame.leduc.definition))
    #expect(
      sizes.histories == 9_457 && sizes.chanceNodes == 157 && sizes.decisionNodes == 3_780
        && sizes.terminalNodes == 5_520)
    #expect(sizes.informationSets == [468, 468])
    #expect(sizes.informationSetActions == [1_092, 1_092])
  }

  @Test func threePlayerKuhn() throws {
    let sizes = try #require(GameSizes.count(BundledGame.kuhn3p.definition))
    #expect(sizes.histories == 617 && sizes.terminalNodes == 312)
    #expect(sizes.informationSets.reduce(0, +) == 48)
  }

  @Test(arguments: [BundledGame.kuhn, .kuhn3p, .leduc])
  func countingAgreesWithAFullWalk(game: BundledGame) throws {
    let sizes = try #require(GameSizes.count(game.definition))
    let walk = TreeWalk(game.definition)
    #expect(Double(walk.chance) == sizes.chanceNodes)
    #expect(Double(walk.decision) == sizes.decisionNodes)
    #expect(Double(walk.terminal) == sizes.terminalNodes)
    #expect(walk.informationSets.map { Double($0.count) } == sizes.informationSets)
  }

  @Test func limitHoldemHasTheKnownNumberOfInformationSets() throws {
    let sizes = try #require(GameSizes.count(BundledGame.limitHoldem.definition))
    // Heads-up limit hold'em has 3.19 × 10^14 information sets (Bowling et al., 2015).
    let total = sizes.informationSets.reduce(0, +)
    #expect(abs(total / 3.19e14 - 1) < 0.005)
  }

  @Test func noLimitHoldemIsTooLargeToWalk() {
    #expect(GameSizes.count(BundledGame.noLimitHoldem.definition, limit: 50_000) == nil)
  }
}
