import PokerRules
import Solver

/// Agents by name, as the command line gives them: `call`, `raise`, `random`, `policy:FILE`,
/// `adaptive:FILE`. A blueprint policy takes options after its file:
/// `policy:FILE,abstraction=ABS,translation=geometric`.
public enum AgentSpec {
  /// The agent a spec names; `seed` seeds any randomness it has.
  public static func make(_ spec: String, seed: UInt64) throws(AgentError) -> any Agent {
    switch spec.lowercased() {
    case "call": return CallAgent()
    case "raise": return RaiseAgent()
    case "random": return RandomAgent(seed: seed)
    case "garbage": return GarbageAgent()
    default:
      if spec.hasPrefix("sleep:"), let milliseconds = Int(spec.dropFirst(6)), milliseconds >= 0 {
        return SleepyAgent(milliseconds: milliseconds)
      }
      if spec.hasPrefix("exit:"), let count = Int(spec.dropFirst(5)), count > 0 { return QuittingAgent(after: count) }
      if spec.hasPrefix("record:") { return RecordingAgent(path: String(spec.dropFirst(7))) }
      if spec.hasPrefix("adaptive:") {
        do {
          return try AdaptiveAgent(path: String(spec.dropFirst("adaptive:".count)), seed: seed)
        } catch {
          throw AgentError("\(spec): \(error)")
        }
      }
      if spec.hasPrefix("policy:") {
        do {
          let (path, options) = try policyOptions(String(spec.dropFirst("policy:".count)))
          if BlueprintPolicy.isBlueprint(file: path) {
            return try BlueprintAgent(
              path: path, abstraction: options["abstraction"], translation: try translation(options), seed: seed)
          }
          if let key = options.keys.sorted().first {
            throw AgentError("\(key)= is an option of blueprint policies; \(path) is not one")
          }
          return try PolicyAgent(path: path, seed: seed)
        } catch {
          throw AgentError("\(spec): \(error)")
        }
      }
      throw AgentError(
        "unknown agent '\(spec)'; agents are call, raise, random, policy:FILE and adaptive:FILE (and, for testing arenas, garbage, sleep:MS, exit:N, record:FILE)"
      )
    }
  }
}

extension AgentSpec {
  /// The translation a blueprint spec's options name (`translation=NAME`; pseudo-harmonic when
  /// none).
  public static func translation(_ options: [String: String]) throws(AgentError) -> ActionTranslation {
    guard let name = options["translation"] else { return .pseudoHarmonic }
    guard let chosen = ActionTranslation(rawValue: name) else {
      throw AgentError(
        "translation '\(name)': one of \(ActionTranslation.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return chosen
  }

  /// Splits `FILE,key=value,...` into the file and its options (`abstraction`, `translation`).
  public static func policyOptions(_ text: String) throws(AgentError) -> (path: String, options: [String: String]) {
    var parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    var options: [String: String] = [:]
    while parts.count > 1, let last = parts.last, let equals = last.firstIndex(of: "=") {
      let key = String(last[..<equals])
      guard ["abstraction", "translation"].contains(key) else {
        throw AgentError("unknown policy option '\(key)'; the options are abstraction=FILE and translation=NAME")
      }
      options[key] = String(last[last.index(after: equals)...])
      parts.removeLast()
    }
    return (parts.joined(separator: ","), options)
  }

  /// The agent a spec names, refused when it was made for another game than `game` (a policy
  /// trained on Kuhn asked to play Leduc).
  public static func make(_ spec: String, seed: UInt64, for game: GameDefinition) throws(AgentError) -> any Agent {
    let agent = try make(spec, seed: seed)
    if let own = agent.policyGame, own != game {
      throw AgentError("\(spec) holds a policy for another game than the one being played")
    }
    return agent
  }
}

/// Why an agent could not be made or run.
public struct AgentError: Error, Hashable, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
