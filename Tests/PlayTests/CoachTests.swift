import Cards
import Play
import PokerRules
import Solver
import Testing

@Suite struct CoachTests {
  static let kuhn = try! CompiledGame.compile(BundledGame.kuhn.definition)
  static let coach: Coach = {
    let solver = CFRSolver(game: kuhn, settings: SolverSettings(algorithm: .cfrPlus))
    solver.iterate(2_000)
    return Coach(policy: solver.averagePolicy())
  }()

  /// Kuhn's cards are Qs < Ks < As, as the ACPC dealer deals them (J, Q, K in the textbooks). The first player checks, the second bets, and
  /// the first must answer.
  func review(_ card: String, _ chosen: Action) throws -> Coach.Review {
    let view = try MatchState(parsing: "MATCHSTATE:0:0:cr:\(card)|", game: BundledGame.kuhn.definition)
    return try #require(CoachTests.coach.review(view: view, chosen: chosen))
  }

  @Test func callingABetWithTheLowestCardGivesUpExactlyOneChip() throws {
    // By hand: the jack loses every showdown, so calling loses the ante and the call (−2) while
    // folding loses the ante (−1); the equilibrium folds, so calling gives up 1.
    let call = try review("Qs", .call)
    #expect(call.labels == ["fold", "call"])
    #expect(abs(call.values[0] - -1) < 1e-12 && abs(call.values[1] - -2) < 1e-12)
    #expect(abs(call.givenUp - 1) < 1e-3)
    #expect(abs(try review("Qs", .fold).givenUp) < 1e-3)
  }

  @Test func foldingTheHighestCardToABetGivesUpThreeChips() throws {
    // The king wins every showdown: calling wins the ante and the bet (+2), folding loses the
    // ante (−1): folding gives up 3.
    let fold = try review("As", .fold)
    #expect(abs(fold.values[1] - 2) < 1e-12)
    #expect(abs(fold.givenUp - 3) < 1e-3)
  }

  @Test func theQueenIsIndifferentAtEquilibrium() throws {
    // Facing a bet with the queen, the equilibrium mixes, so both answers are worth the same.
    let call = try review("Ks", .call)
    #expect(abs(call.values[0] - call.values[1]) < 1e-2)
    #expect(abs(call.givenUp) < 1e-2)
  }
}
