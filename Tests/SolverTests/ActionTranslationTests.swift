import PokerRules
import Randomness
import Solver
import Testing

struct ActionTranslationTests {
  static func menu(_ bets: String, _ raises: String, reraises: [String] = [], cap: Int = 3, threshold: Double = 1)
    throws -> ActionMenu
  {
    try ActionMenu(
      rounds: [
        StreetMenu(
          bets: try BetSize.parseList(bets, field: "bets"), raises: try BetSize.parseList(raises, field: "raises"),
          reraises: try reraises.map { try BetSize.parseList($0, field: "reraises") })
      ], raiseCap: cap, allInThreshold: threshold)
  }

  @Test func mappingsAtKnownPoints() {
    for translation in ActionTranslation.allCases {
      #expect(translation.lowerProbability(0.5, between: 0.5, and: 1) == 1)
      #expect(translation.lowerProbability(1, between: 0.5, and: 1) == 0)
      var previous = 1.0
      for step in 1..<50 {
        let p = translation.lowerProbability(0.5 + Double(step) / 100, between: 0.5, and: 1)
        #expect(p < previous && p > 0)
        previous = p
      }
    }
    // f(x) = (B − x)(1 + A) / ((B − A)(1 + x)) at A = ½, B = 1, x = ¾: 0.375 / 0.875.
    #expect(abs(ActionTranslation.pseudoHarmonic.lowerProbability(0.75, between: 0.5, and: 1) - 3.0 / 7) < 1e-15)
    #expect(abs(ActionTranslation.arithmetic.lowerProbability(0.75, between: 0.5, and: 1) - 0.5) < 1e-15)
    #expect(abs(ActionTranslation.geometric.lowerProbability(0.75, between: 0.5, and: 1) - 0.4150374992788438) < 1e-12)
  }

  /// Menu sizes in chips on no-limit Leduc (ante 1 each, stacks of 10): a half-pot bet of the
  /// pot of 2 is 1 chip, a pot raise of it (pot after the call 4) goes to 6; the all-in
  /// threshold, the cap and the depth menus apply.
  @Test func menuSizesInChips() throws {
    let game = BundledGame.noLimitLeduc.definition
    var state = State(game: game, holeCardsHidden: true)
    let menu = try Self.menu("50%,100%,allin", "100%", reraises: ["50%"], cap: 3)
    #expect(menu.raises(state, range: state.legalActions!.raiseTo!) == [2, 3, 10])
    try state.apply(.raise(to: 2))
    #expect(menu.raises(state, range: state.legalActions!.raiseTo!) == [6])
    try state.apply(.raise(to: 6))
    // A half-pot re-raise: pot after the call 12, +6 to 12, past the stack: all-in at 10.
    #expect(menu.raises(state, range: state.legalActions!.raiseTo!) == [10])
    let capped = try Self.menu("100%", "100%", cap: 1)
    var facing = State(game: game, holeCardsHidden: true)
    try facing.apply(.raise(to: 3))
    #expect(capped.raises(facing, range: facing.legalActions!.raiseTo!).isEmpty)
    let threshold = try Self.menu("300%", "100%", threshold: 0.5)
    let fresh = State(game: game, holeCardsHidden: true)
    #expect(threshold.raises(fresh, range: fresh.legalActions!.raiseTo!) == [10])
  }

  /// At play time: on no-limit Leduc's first decision (pot 2) with bets of 50 %, 100 % and all-in
  /// (to 2, 3 and 10), a raise to 5 (200 % of the pot) lies between 100 % and all-in (450 %):
  /// read as 100 % with f(2) = (4.5 − 2)(1 + 1) / ((4.5 − 1)(1 + 2)) = 10/21, drawn about that
  /// often; all-in reads as all-in, a call as a call.
  @Test func readingAnOffMenuBetAtPlayTime() throws {
    let game = BundledGame.noLimitLeduc.definition
    let state = State(game: game, holeCardsHidden: true)
    let menu = ActionAbstraction.menu(try Self.menu("50%,100%,allin", "100%,allin")).actions(state)
    #expect(menu == [.call, .raise(to: 2), .raise(to: 3), .raise(to: 10)])
    let readings = ActionTranslation.pseudoHarmonic.readings(of: .raise(to: 5), in: state, menu: menu, menuState: state)
    #expect(readings.map(\.index) == [2, 3])
    #expect(abs(readings[0].probability - 10.0 / 21) < 1e-12)
    var random = SeededGenerator(seed: 5)
    var lower = 0
    for _ in 0..<20_000 {
      let read = ActionTranslation.pseudoHarmonic.read(
        .raise(to: 5), in: state, menu: menu, menuState: state, using: &random)
      if read == 2 { lower += 1 }
    }
    #expect(abs(Double(lower) / 20_000 - 10.0 / 21) < 0.015)
    #expect(
      ActionTranslation.arithmetic.readings(of: .raise(to: 10), in: state, menu: menu, menuState: state).map(\.index)
        == [3])
    #expect(
      ActionTranslation.geometric.readings(of: .call, in: state, menu: menu, menuState: state).map(\.index) == [0])
  }

  @Test func menusThatCannotBeBuiltAreRefused() {
    #expect(throws: SolverError.self) { try ActionMenu(rounds: []) }
    #expect(throws: SolverError.self) { try ActionMenu(rounds: [StreetMenu(bets: [], raises: [])]) }
    #expect(throws: SolverError.self) { try Self.menu("50%", "100%", cap: 0) }
    #expect(throws: SolverError.self) { try Self.menu("50%", "100%", threshold: 1.5) }
    #expect(throws: SpotError.self) { try BetSize.parseList("50%,lots", field: "bets") }
    #expect(throws: SolverError.self) { try CompiledGame.compile(BundledGame.noLimitLeduc.definition) }
  }

  /// Lifting a strategy into the game it was solved in changes nothing: every action is on the
  /// menu, so each reading is certain; the exploitability is the same to rounding.
  @Test func liftingIntoTheSameGameIsTheIdentity() throws {
    let game = try CompiledGame.compile(
      BundledGame.noLimitLeduc.definition, actions: .menu(Self.menu("50%,100%,allin", "100%,allin")))
    let solver = CFRSolver(game: game, settings: SolverSettings(algorithm: .dcfr))
    solver.iterate(200)
    let policy = solver.averagePolicy()
    let lifted = ActionTranslation.pseudoHarmonic.lift(policy, to: game)
    let judge = BestResponse(game: game)
    #expect(abs(judge.exploitability(lifted) - judge.exploitability(policy)) < 1e-12)
  }

  /// In the real game (every bet size) the translations differ, none beats the menu game's
  /// own exploitability, and on no-limit Kuhn with a half-pot and all-in menu the pseudo-harmonic
  /// mapping is the least exploitable and the arithmetic the most (Ganzfried and Sandholm's
  /// ordering).
  @Test func translationsInTheRealGame() throws {
    let definition = BundledGame.noLimitKuhn.definition
    let real = try CompiledGame.compile(definition, actions: .every)
    let menuGame = try CompiledGame.compile(definition, actions: .menu(Self.menu("50%,allin", "allin")))
    let solver = CFRSolver(game: menuGame, settings: SolverSettings(algorithm: .dcfr))
    solver.iterate(2_000)
    let policy = solver.averagePolicy()
    let own = BestResponse(game: menuGame).exploitability(policy)
    #expect(own < 1e-3)
    let judge = BestResponse(game: real)
    let values = ActionTranslation.allCases.map { judge.exploitability($0.lift(policy, to: real)) }
    for value in values { #expect(value > own) }
    #expect(values[0] < values[1] && values[1] < values[2], "\(values)")
  }
}
