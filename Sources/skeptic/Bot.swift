import Agents
import ArgumentParser
import Foundation
import PokerRules

extension Skeptic {
  /// `skeptic bot`: one agent as its own process, connected to an arena.
  struct Bot: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run one agent as a bot process connected to an arena (see docs/PROTOCOL.md).",
      discussion:
        "Agents: call, raise, random, policy:FILE (a policy or a blueprint written by skeptic train), adaptive:FILE (starts from that policy and exploits an opponent once an e-process shows it deviates). A blueprint finds its card abstraction where it was trained or beside it; policy:FILE,abstraction=ABS names it, and policy:FILE,translation=NAME picks how off-menu bets are read (pseudo-harmonic, the default; geometric; arithmetic)."
    )

    @Option(help: "The agent: call, raise, random, policy:FILE or adaptive:FILE.")
    var agent: String

    @Option(help: "The arena's address, such as tcp://127.0.0.1:5555.")
    var connect: String

    @Option(help: "The name to register under (default: the agent spec).")
    var name: String?

    @Option(help: "The game the bot expects (a bundled name).")
    var game: String = "leduc"

    @Option(help: "The file holding the seat's secret (the arena writes seats/NAME.secret in its match folder).")
    var secretFile: String?

    @Option(help: "Seconds to wait for the arena before giving up.")
    var timeout: Int = 120

    @Option(help: "Seed for the agent's own randomness.")
    var seed: UInt64 = 1

    func run() throws {
      var made: any Agent
      do { made = try AgentSpec.make(agent, seed: seed, for: try GameDefinition.named(game)) } catch {
        throw CommandError(error)
      }
      var runtime = BotRuntime(endpoint: connect, name: name ?? agent, game: game)
      // Set by an arena that starts this bot: the seat's secret, and the arena to outlive no longer.
      runtime.secret = try SeatSecretFile.read(secretFile)
      runtime.arenaProcess = ProcessInfo.processInfo.environment["SKEPTIC_ARENA_PID"].flatMap { Int32($0) }
      runtime.idleTimeoutMs = timeout * 1000
      runtime.waiting = { Terminal.writeError("\($0)\n") }
      do {
        let summary = try runtime.run(&made)
        Terminal.writeError(
          "\(name ?? agent): \(summary.hands) hands, \(summary.decisions) decisions, total \(summary.total); \(summary.endReason)\n"
        )
      } catch {
        throw CommandError(error)
      }
    }
  }
}
