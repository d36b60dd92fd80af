import BotProtocol
import PokerRules
import Randomness

/// Always checks or calls.
public struct CallAgent: Agent {
  public let name = "call"
  public var inFlight: Int { 256 }
  public init() {}
  public func act(_ decision: Message.Decide, view: MatchState, game: GameDefinition) -> Action { .call }
  public func act(structured decision: Message.Decide) -> Action? { .call }
}

/// Raises whenever it may (the smallest raise), otherwise calls.
public struct RaiseAgent: Agent {
  public let name = "raise"
  public var inFlight: Int { 256 }
  public init() {}
  public func act(_ decision: Message.Decide, view: MatchState, game: GameDefinition) -> Action {
    act(structured: decision)!
  }

  public func act(structured decision: Message.Decide) -> Action? {
    guard let raise = decision.legal.raise, let smallest = raise.first else { return .call }
    return .raise(to: smallest)
  }
}

/// Picks uniformly among fold (when facing a bet), call and raise; a no-limit raise size is
/// uniform over the legal range. Each decision draws from the seed's sub-stream for that
/// decision's id, so the same seed gives the same choices even after the bot restarts.
public struct RandomAgent: Agent {
  public let name = "random"
  let root: SeededGenerator
  public var inFlight: Int { 256 }

  public init(seed: UInt64) { root = SeededGenerator(seed: seed) }

  public mutating func act(_ decision: Message.Decide, view: MatchState, game: GameDefinition) -> Action {
    act(structured: decision)!
  }

  public mutating func act(structured decision: Message.Decide) -> Action? {
    var generator = root.substream(UInt64(truncatingIfNeeded: decision.id))
    var options: [Action] = [.call]
    if decision.legal.fold { options.append(.fold) }
    if let raise = decision.legal.raise, raise.count == 2 {
      options.append(.raise(to: raise[0] + generator.uniform(below: raise[1] - raise[0] + 1)))
    }
    return options[generator.uniform(below: options.count)]
  }
}
