import BotProtocol
import Cards
import PokerRules
import Randomness
import Solver

/// Plays a blueprint (`skeptic train --abstraction`): at each decision it looks up the hand's
/// card bucket and the betting line's node in the blueprint's tree, reading an opponent's
/// off-menu bets through an ``ActionTranslation``, and samples an action from the blueprint's
/// mix, drawing from the seed's sub-streams for the hand and the decision (so a restarted bot
/// makes the same choices). No search: one bucket look-up per decision.
public struct BlueprintAgent: Agent {
  public let name: String
  public let policy: BlueprintPolicy
  /// The card buckets it was trained on, found again.
  public let buckets: any CardBuckets
  /// How it reads off-menu bets.
  public let translation: ActionTranslation
  let root: SeededGenerator
  public var inFlight: Int { 256 }
  public var policyGame: GameDefinition? { policy.tree.game }
  /// Decisions after the hand left the blueprint's tree (played as check or call).
  public private(set) var offTree = 0
  /// Decisions the blueprint could not read at all (played as calls), and the first one.
  public private(set) var unreadable = 0
  public private(set) var firstUnreadable: String?

  /// A bot for the blueprint at `path`; `abstraction` overrides where its card abstraction is
  /// looked for (see ``BlueprintPolicy/buckets(blueprint:abstraction:)``).
  public init(
    path: String, abstraction: String? = nil, translation: ActionTranslation = .pseudoHarmonic, seed: UInt64
  ) throws(SolverError) {
    policy = try BlueprintPolicy(contentsOf: path)
    buckets = try policy.buckets(blueprint: path, abstraction: abstraction)
    self.translation = translation
    name = "blueprint"
    root = SeededGenerator(seed: seed)
  }

  /// The blueprint's mix at the decision `view` shows, or nil when it cannot read it.
  public func choice(for view: MatchState, hand: Int) -> BlueprintChoice? {
    guard let hole = view.holeCards[view.position] else { return nil }
    let reading = root.substream(1).substream(UInt64(truncatingIfNeeded: hand * 2 + view.position))
    return policy.choice(
      history: view.actions.flatMap { $0 }, hole: hole, board: view.boardCards.flatMap { $0 }, buckets: buckets,
      translation: translation, reading: reading)
  }

  public mutating func act(_ decision: Message.Decide, view: MatchState, game: GameDefinition) -> Action {
    guard let choice = choice(for: view, hand: decision.hand) else {
      unreadable += 1
      if firstUnreadable == nil { firstUnreadable = decision.matchState }
      return .call
    }
    if choice.node == nil { offTree += 1 }
    var generator = root.substream(2).substream(UInt64(truncatingIfNeeded: decision.id))
    return choice.action(at: generator.unitDouble())
  }

  public func notes() -> [String] {
    var lines: [String] = []
    if offTree > 0 {
      lines.append(
        "\(offTree) decisions came after the hand left the blueprint's bet menu and were played as check or call")
    }
    if unreadable > 0 {
      lines.append(
        "\(unreadable) decisions could not be read by the blueprint and were played as calls (the first: \(firstUnreadable ?? "?"))"
      )
    }
    return lines
  }
}
