import Agents
import ArgumentParser
import Foundation
import Play
import PokerRules
import Solver

extension Skeptic {
  /// `skeptic play`: a person against a bot in the terminal.
  struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "play",
      abstract: "Play poker against a bot in the terminal, with your running result and its confidence interval.",
      discussion: """
        Keys: f fold, c check or call, r raise (no-limit: type a total and Enter, or h ½ pot, \
        p pot, a all-in), ? help, q quit with a summary. When standard input or output is not a \
        terminal, a plain line mode reads one action per line (f, c, r, r 250, q), so the command \
        can be scripted. Every finished hand is appended to the history (ACPC STATE lines in \
        HISTORY.log, JSON lines in HISTORY.jsonl).

        Examples:
          skeptic play --game leduc --opponent policy:leduc.policy --coach
          skeptic play --game limit-holdem --opponent call --hands 20
          skeptic play --connect tcp://127.0.0.1:5555 --game leduc --name alice
        """
    )

    @Option(help: "kuhn, leduc, limit-holdem or nolimit-holdem.")
    var game: String = "leduc"

    @Option(help: "The bot to play: call, raise, random, policy:FILE or adaptive:FILE.")
    var opponent: String = "call"

    @Option(parsing: .unconditional, help: "Hands to play (q quits earlier).")
    var hands: Int = 100

    @Option(help: "Seed for the deals and the bot's randomness (the same seed deals the same cards).")
    var seed: UInt64 = 1

    @Option(help: "Take a seat in a running arena at this address instead (as a bot named --name).")
    var connect: String?

    @Option(help: "Your name in the arena (with --connect).")
    var name: String = "human"

    @Option(help: "The file holding your seat's secret (with --connect; the arena writes seats/NAME.secret).")
    var secretFile: String?

    @Flag(
      help:
        "After each decision, show the expected value it gave up against the equilibrium (policy opponents, Kuhn and Leduc)."
    )
    var coach = false

    @Option(help: "Hand history path without extension: PATH.log and PATH.jsonl are appended.")
    var history: String = "skeptic-play/history"

    @Flag(help: "Use the plain line mode even on a terminal.")
    var plain = false

    @Flag(help: "No colours.")
    var noColor = false

    func validate() throws {
      guard hands > 0 else { throw ValidationError("--hands must be positive") }
      if coach && !opponent.hasPrefix("policy:") && connect == nil {
        throw ValidationError(
          "--coach needs --opponent policy:FILE (the equilibrium it measures your decisions against)")
      }
      if coach && connect != nil { throw ValidationError("--coach plays locally; drop --connect") }
    }

    func run() throws {
      let definition: GameDefinition
      do { definition = try GameDefinition.named(game) } catch { throw CommandError(error) }
      guard definition.numPlayers == 2 else {
        throw CommandError(PlayError("skeptic play is for two-player games; \(game) has \(definition.numPlayers)"))
      }
      // The opponent is made (and its game checked) before the screen opens.
      var bot: (any Agent)?
      if connect == nil {
        do { bot = try AgentSpec.make(opponent, seed: seed, for: definition) } catch { throw CommandError(error) }
      }
      var coaching: Coach?
      if coach {
        let path = String(opponent.dropFirst("policy:".count).split(separator: ",").first ?? "")
        if BlueprintPolicy.isBlueprint(file: path) {
          throw CommandError(
            PlayError(
              "--coach needs the values of an exact policy (skeptic train without --abstraction); \(path) is a blueprint, which keeps only its strategy over card buckets, so it cannot price your decisions"
            ))
        }
        let file: PolicyFile
        do { file = try PolicyFile.read(from: path) } catch { throw CommandError(error) }
        guard file.policy.game.definition == definition else {
          throw CommandError(PlayError("\(path) is a policy for another game than \(game)"))
        }
        coaching = Coach(policy: file.policy)
      }
      let titles = [
        "kuhn": "Kuhn poker", "leduc": "Leduc hold'em", "limit-holdem": "Limit hold'em",
        "nolimit-holdem": "No-limit hold'em",
      ]
      let title = titles[game.lowercased()] ?? game
      let environment = ProcessInfo.processInfo.environment
      let unicode = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]].contains {
        $0?.uppercased().contains("UTF-8") == true || $0?.uppercased().contains("UTF8") == true
      }
      let color = !noColor && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
      let noLimit = definition.betting == .noLimit
      let console: Console =
        (plain ? nil : RawConsole(noLimit: noLimit, color: color, unicode: unicode)) ?? LineConsole(noLimit: noLimit)
      let opponentName = connect == nil ? String(opponent.split(separator: ":").first ?? "bot") : "opponent"
      let human: HumanPlayer
      do {
        human = try HumanPlayer(
          game: definition, title: title, rules: BundledGame(rawValue: game.lowercased())?.summary ?? "",
          opponentName: opponentName, console: console, coach: coaching,
          handsPlanned: connect == nil ? hands : nil)
      } catch {
        console.finish([])
        throw CommandError(error)
      }
      if let connect {
        do { try human.keepHistory(at: history) } catch {
          console.finish([])
          throw CommandError(error)
        }
        var seat = human
        var runtime = BotRuntime(endpoint: connect, name: name, game: game)
        do { runtime.secret = try SeatSecretFile.read(secretFile) } catch {
          console.finish([])
          throw error
        }
        do { _ = try runtime.run(&seat) } catch {
          console.finish(human.summary)
          throw CommandError(error)
        }
        console.finish(human.summary + ["  your view of each hand in \(history).log and \(history).jsonl"])
        if console.interrupted { throw ExitCode(130) }
        return
      }
      var opponentAgent = bot!
      let session = PlaySession(game: definition, hands: hands, seed: seed, history: history)
      do { try session.run(human: human, opponent: &opponentAgent) } catch {
        console.finish(human.summary)
        throw CommandError(error)
      }
      console.finish(human.summary + ["  history in \(history).log and \(history).jsonl"])
      // Ctrl-C ends with the status of an interrupted program, after the summary.
      if console.interrupted { throw ExitCode(130) }
    }
  }
}
