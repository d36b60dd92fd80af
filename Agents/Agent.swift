import BotProtocol
import PokerRules

/// A bot's decision-making, apart from any transport: given what the arena shows at a decision,
/// choose an action. The bot runtime (``BotRuntime``) connects an agent to an arena.
public protocol Agent {
  /// A short name for logs and reports.
  var name: String { get }
  /// The action for a decision; `view` is the decision's match state parsed for this game.
  mutating func act(_ decision: Message.Decide, view: MatchState, game: GameDefinition) -> Action
  /// The action for a decision taken from its structured fields alone, or nil when the agent
  /// needs the parsed view (then ``act(_:view:game:)`` is asked). Agents that ignore the cards
  /// answer here and spare the bot parsing the match state.
  mutating func act(structured decision: Message.Decide) -> Action?
  /// Called when a hand this agent played has ended.
  mutating func handEnded(_ end: Message.HandEnd, game: GameDefinition)
  /// Overrides the normal answer (for the test agents that misbehave on purpose); nil for the
  /// normal path through ``act(_:view:game:)``.
  mutating func override(_ decision: Message.Decide) -> Override?
  /// Lines for the arena's report at the end of the match (empty for most agents).
  func notes() -> [String]
  /// How many hands the agent can play at once, interleaved (said in its hello): agents whose
  /// choices depend only on the decision itself say many; agents that learn from the order of
  /// hands keep the default, 1.
  var inFlight: Int { get }
  /// True once the agent wants to leave the match (a person who quit); the bot runtime then
  /// disconnects.
  var wantsToLeave: Bool { get }
  /// The game the agent was made for (a policy's game), or nil when it plays any game.
  var policyGame: GameDefinition? { get }
}

/// A misbehaving answer.
public enum Override: Sendable, Hashable {
  /// Send this text as the action.
  case text(String)
  /// Leave the process at once, mid-hand.
  case exit
}

extension Agent {
  public mutating func handEnded(_ end: Message.HandEnd, game: GameDefinition) {}
  public mutating func override(_ decision: Message.Decide) -> Override? { nil }
  public func notes() -> [String] { [] }
  public var inFlight: Int { 1 }
  public var wantsToLeave: Bool { false }
  public var policyGame: GameDefinition? { nil }
  public mutating func act(structured decision: Message.Decide) -> Action? { nil }
}

extension Agent {
  /// The agent's action for a decision: from the structured fields when it can, else from the
  /// parsed match state; a match state that does not parse is answered with a call.
  public mutating func answer(_ decision: Message.Decide, game: GameDefinition) -> Action {
    if let quick = act(structured: decision) { return quick }
    guard let view = try? MatchState(parsing: decision.matchState, game: game) else { return .call }
    return act(decision, view: view, game: game)
  }
}
