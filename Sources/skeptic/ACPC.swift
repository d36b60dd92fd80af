import Agents
import ArgumentParser
import PokerRules

extension Skeptic {
  /// `skeptic acpc`: an agent in an ACPC dealer's match.
  struct ACPC: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "acpc",
      abstract: "Play an agent through an ACPC 2.0.0 dealer (its text protocol over TCP)."
    )

    @Option(help: "The dealer's host.")
    var host: String = "127.0.0.1"

    @Option(help: "The port the dealer gave this seat.")
    var port: UInt16

    @Option(help: "The agent: call, raise, random, policy:FILE or adaptive:FILE.")
    var agent: String

    @Option(help: "The game the dealer plays (a bundled name or a .game file).")
    var game: String = "leduc"

    @Option(help: "Seed for the agent's randomness.")
    var seed: UInt64 = 1

    func run() throws {
      let definition: GameDefinition
      do { definition = try GameDefinition.named(game) } catch { throw CommandError(error) }
      var made: any Agent
      do { made = try AgentSpec.make(agent, seed: seed, for: definition) } catch { throw CommandError(error) }
      do {
        let summary = try ACPCClient(host: host, port: port, game: definition).run(&made)
        Terminal.writeError("acpc: \(summary.states) match states, \(summary.actions) actions\n")
        // A policy that met decisions outside its information sets says how many.
        for line in made.notes() { Terminal.writeError("acpc: \(line)\n") }
      } catch {
        throw CommandError(error)
      }
    }
  }
}
