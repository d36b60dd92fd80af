import BotProtocol
import Cards
import PokerRules
import Randomness
import Solver

/// Plays a policy file: finds its information set from the match state and samples an action
/// from the policy's probabilities, drawing from the seed's sub-stream for the decision's id (so
/// a restarted bot makes the same choices). A decision whose information set the policy lacks is
/// played as a call and counted; the count is in the agent's notes for the report.
public struct PolicyAgent: Agent {
  public let name: String
  public let file: PolicyFile
  let root: SeededGenerator
  public var inFlight: Int { 256 }
  public var policyGame: GameDefinition? { file.policy.game.definition }
  /// Decisions whose information set is not in the policy, and the first such match state.
  public private(set) var missing = 0
  public private(set) var firstMissing: String?

  public init(path: String, seed: UInt64) throws(SolverError) {
    file = try PolicyFile.read(from: path)
    name = "policy"
    root = SeededGenerator(seed: seed)
  }

  /// The policy's probabilities for each action at the decision, or nil when the state is not
  /// in the policy's game.
  public func probabilities(for view: MatchState) -> (actions: [Action], probabilities: [Double])? {
    let game = file.policy.game
    guard let own = view.holeCards[view.position], let hand = game.handIndex(own),
      let node = game.node(actions: view.actions, board: view.boardCards), game.kind[node] == .decision
    else { return nil }
    let actions = game.actions(at: node)
    return (actions, actions.indices.map { file.policy.probability(node: node, action: $0, hand: hand) })
  }

  public mutating func act(_ decision: Message.Decide, view: MatchState, game: GameDefinition) -> Action {
    guard let (actions, probabilities) = probabilities(for: view) else {
      missing += 1
      if firstMissing == nil { firstMissing = decision.matchState }
      return .call
    }
    var generator = root.substream(UInt64(truncatingIfNeeded: decision.id))
    let target = generator.unitDouble()
    var cumulative = 0.0
    for (action, probability) in zip(actions, probabilities) {
      cumulative += probability
      if target < cumulative { return action }
    }
    return actions.last ?? .call
  }

  public func notes() -> [String] {
    guard missing > 0 else { return [] }
    return [
      "\(missing) decisions were not in the policy and were played as calls (the first: \(firstMissing ?? "?"))"
    ]
  }
}
