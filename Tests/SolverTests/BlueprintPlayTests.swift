import Cards
import PokerRules
import Randomness
import Solver
import Testing

/// A blueprint at the table: the real betting line read back onto its tree, off-menu bets
/// through the translation, and the hand leaving the tree.
@Suite struct BlueprintPlayTests {
  static let menu = try! BetMenuText(bets: "50%,100%,allin", raises: "100%,allin", reraises: "allin", raiseCap: 2)
    .menu()

  func trained(_ game: GameDefinition, menu: ActionMenu?) throws -> BlueprintPolicy {
    var settings = BlueprintSettings()
    settings.batch = 16
    let trainer = try BlueprintTrainer(
      tree: BlueprintTree(game: game, actions: menu.map { .menu($0) }), buckets: LosslessBuckets(game: game),
      settings: settings)
    trainer.run(20_000)
    return trainer.policy(menu: nil)
  }

  /// Real play that keeps to the tree's own sizes reaches every decision of the tree, in its
  /// bucket, with the tree's mix: limit Leduc, and no-limit Leduc under a menu (where each
  /// menu size carried into the real pot is read back as itself, by either player).
  @Test(arguments: [false, true]) func everyLineOfTheTreeIsFollowed(noLimit: Bool) throws {
    let game = noLimit ? BundledGame.noLimitLeduc.definition : BundledGame.leduc.definition
    let policy = try trained(game, menu: noLimit ? Self.menu : nil)
    let buckets = try LosslessBuckets(game: game)
    let hole = [game.deck[5]]
    let board = [game.deck[1]]
    let tree = policy.tree
    var visited = 0
    func visit(_ node: Int, _ history: [Action]) {
      let entry = tree.nodes[node]
      guard entry.isDecision else { return }
      visited += 1
      let round = Int(entry.round)
      let choice = policy.choice(
        history: history, hole: hole, board: board, buckets: buckets, reading: SeededGenerator(seed: 1))
      let bucket = buckets.bucket(hole: hole, board: Array(board.prefix(round)), round: round)
      let menu = (0..<Int(entry.childCount)).map { tree.incoming[Int(entry.firstChild) + $0]! }
      #expect(choice?.node == node, "line \(history)")
      #expect(choice?.bucket == bucket)
      #expect(choice?.actions == menu, "line \(history)")
      #expect(choice?.probabilities == policy.strategy(node: node, bucket: bucket))
      for (a, action) in menu.enumerated() { visit(Int(entry.firstChild) + a, history + [action]) }
    }
    visit(0, [])
    #expect(visited == tree.decisionCount)
  }

  /// An opponent's bet between two menu sizes is read as the smaller with the pseudo-harmonic
  /// mapping's probability, the draw coming from the reading seed.
  @Test func offMenuBetsReadAsTheirNeighbours() throws {
    let game = BundledGame.noLimitLeduc.definition
    let policy = try trained(game, menu: Self.menu)
    let buckets = try LosslessBuckets(game: game)
    let tree = policy.tree
    // Antes of 1: the pot is 2; the menu bets 100% (raise to 3) or all-in (to 10), shares 1 and
    // 4.5 of the pot. A raise to 5 is a bet of 2 pots.
    let pot = tree.child(of: 0, action: .raise(to: 3))!
    let allIn = tree.child(of: 0, action: .raise(to: 10))!
    let expected = ActionTranslation.pseudoHarmonic.lowerProbability(2, between: 1, and: 4.5)
    #expect(abs(expected - 5 / 10.5) < 1e-12)
    var lower = 0
    let draws = 4_000
    for seed in 0..<draws {
      let choice = try #require(
        policy.choice(
          history: [.raise(to: 5)], hole: [game.deck[0]], board: [game.deck[1]], buckets: buckets,
          reading: SeededGenerator(seed: UInt64(seed))))
      let node = try #require(choice.node)
      #expect(node == pot || node == allIn)
      if node == pot { lower += 1 }
    }
    let share = Double(lower) / Double(draws)
    // Four standard deviations of the binomial share.
    #expect(abs(share - expected) < 4 * (expected * (1 - expected) / Double(draws)).squareRoot(), "\(share)")
    // The same seed reads the same way at every decision of the hand.
    let first = policy.choice(
      history: [.raise(to: 5)], hole: [game.deck[0]], board: [], buckets: buckets, reading: SeededGenerator(seed: 9))
    let again = policy.choice(
      history: [.raise(to: 5)], hole: [game.deck[2]], board: [], buckets: buckets, reading: SeededGenerator(seed: 9))
    #expect(first?.node == again?.node)
  }

  /// Past the menu's raise cap the hand leaves the tree: the blueprint checks and calls; a line
  /// the game does not allow, or cards that are not a hand, get no choice.
  @Test func aHandThatLeavesTheTreeIsCheckedAndCalled() throws {
    let game = BundledGame.noLimitLeduc.definition
    let policy = try trained(game, menu: Self.menu)
    let buckets = try LosslessBuckets(game: game)
    let seed = SeededGenerator(seed: 1)
    let hole = [game.deck[0]]
    let inTree = try #require(
      policy.choice(history: [.raise(to: 3)], hole: hole, board: [], buckets: buckets, reading: seed))
    #expect(inTree.node != nil)
    // The menu allows two bets or raises a round; the third cannot be read.
    let off = try #require(
      policy.choice(
        history: [.raise(to: 2), .raise(to: 4), .raise(to: 6)], hole: hole, board: [], buckets: buckets, reading: seed))
    #expect(off.node == nil && off.actions == [.call] && off.probabilities == [1])
    #expect(policy.choice(history: [.fold], hole: hole, board: [], buckets: buckets, reading: seed) == nil)
    #expect(policy.choice(history: [.raise(to: 99)], hole: hole, board: [], buckets: buckets, reading: seed) == nil)
    #expect(policy.choice(history: [], hole: [], board: [], buckets: buckets, reading: seed) == nil)
    // The round's board must be there to bucket the hand.
    #expect(policy.choice(history: [.call, .call], hole: hole, board: [], buckets: buckets, reading: seed) == nil)
  }
}
