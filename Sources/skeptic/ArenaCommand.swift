import Agents
import Arena
import ArgumentParser
import Foundation
import PokerRules
import Solver

extension Skeptic {
  /// `skeptic arena`: a match between bot processes.
  struct ArenaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "arena",
      abstract:
        "Play a match between bots, each its own process, and report who is better with anytime-valid evidence.",
      discussion: """
        Each --bot NAME=SPEC is launched as `skeptic bot` (SPEC: call, raise, random, policy:FILE, adaptive:FILE); \
        NAME=remote instead waits for a bot of that name to connect to --listen, in any language \
        (docs/PROTOCOL.md; Examples/python_bot.py). \
        With more than two bots every pair plays, each pair with fresh bot processes. Seats swap every \
        hand; --duplicate replays every deal with the seats swapped, the mirrored half played by \
        separate processes that never see the first (a remote bot connects twice). A forfeit ends \
        its pair only; hands already dealt are played out and logged. The logs (ACPC STATE lines in match.log, JSON lines in \
        events.jsonl) are appended as each hand ends; the report (report.txt, report.json, \
        report.svg) gives each pair's win rate with its confidence sequence and the e-values.

        Example:
          skeptic arena --game leduc --bot cfr=policy:leduc.policy --bot rnd=random --hands 2000 --out match
        """
    )

    @Option(help: "A bundled two-player game.")
    var game: String = "leduc"

    @Option(name: .customLong("bot"), help: "NAME=SPEC, repeated for each bot.")
    var bots: [String] = []

    @Option(parsing: .unconditional, help: "Hands per pair.")
    var hands: Int = 1_000

    @Flag(help: "Replay every deal with the seats swapped.")
    var duplicate = false

    @Option(help: "Seed for the deals (the same seed and bots give the same log).")
    var seed: UInt64 = 1

    @Option(help: "Error level α of the confidence sequences and tests.")
    var alpha: Double = 0.05

    @Flag(help: "Stop a pair as soon as an e-value passes 1/α.")
    var stopWhenDecided = false

    @Option(help: "Output folder for logs and the report.")
    var out: String = "arena-match"

    @Option(help: "Address to bind, such as tcp://127.0.0.1:5555 (default: a free local port).")
    var listen: String = "tcp://127.0.0.1:*"

    @Option(help: "Milliseconds a bot may take per action.")
    var actionTime: Int = 10_000

    @Option(help: "Milliseconds a bot may take over one hand.")
    var handTime: Int = 60_000

    @Option(
      help: "The most hands kept in flight per pair; each bot also says how many it accepts (adaptive bots: 1).")
    var inFlight: Int = 256

    @Flag(
      help:
        "Allow --listen on an address other machines can reach. Seat secrets travel in clear text: anyone who can watch that network can take a remote seat (tunnel over SSH to a loopback address instead where you can)."
    )
    var allowNetwork = false

    @Option(help: "Seconds to wait for the bots to connect (remote bots at the start, local bots before each pair).")
    var waitForBots: Int = 30

    @Option(help: "Invalid actions a bot may send before it forfeits.")
    var maxInvalid: Int = 100

    @Option(help: "Continue the interrupted match in this folder (its saved settings are used).")
    var resume: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
      if resume != nil { return }
      guard bots.count >= 2 else { throw ValidationError("give at least two --bot NAME=SPEC") }
      for bot in bots where bot.split(separator: "=", maxSplits: 1).count != 2 {
        throw ValidationError("--bot '\(bot)' is not NAME=SPEC (for example cfr=policy:leduc.policy)")
      }
      guard hands > 0 else { throw ValidationError("--hands must be positive") }
      guard inFlight > 0 else { throw ValidationError("--in-flight must be at least 1") }
      if !allowNetwork && !Self.isLocal(listen) {
        throw ValidationError(
          "--listen \(listen) can be reached from other machines, where seat secrets travel in clear text; use a loopback address (tcp://127.0.0.1:PORT), tunnel over SSH, or pass --allow-network to accept the risk"
        )
      }
      guard waitForBots > 0 else { throw ValidationError("--wait-for-bots must be positive") }
      guard alpha > 0, alpha < 1 else { throw ValidationError("--alpha must lie strictly between 0 and 1") }
    }

    func run() throws {
      let parsed = bots.compactMap { text -> MatchRunner.Bot? in
        guard text.contains("=") else { return nil }
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        return MatchRunner.Bot(name: parts[0], spec: parts[1])
      }
      let executable = Skeptic.executablePath
      var configuration = MatchRunner.Configuration(
        game: game, bots: parsed, hands: hands, outDirectory: out, executable: executable)
      configuration.duplicate = duplicate
      configuration.seed = seed
      configuration.alpha = alpha
      configuration.stopWhenDecided = stopWhenDecided
      configuration.listen = listen
      configuration.actionTimeMs = actionTime
      configuration.maxCorrections = maxInvalid
      configuration.handTimeMs = handTime
      configuration.maxInFlight = inFlight
      configuration.registrationTimeoutMs = waitForBots * 1000
      if let resume {
        do { configuration = try MatchRunner.savedConfiguration(in: resume) } catch { throw CommandError(error) }
        configuration.executable = executable
        configuration.outDirectory = resume
        configuration.resume = true
        configuration.registrationTimeoutMs = waitForBots * 1000
      }
      try checkBeforeStarting(configuration)
      let live = Terminal.standardErrorIsTerminal && !json
      var lastLine = Date.distantPast
      let report: MatchReport
      do {
        let runner = MatchRunner(configuration: configuration) { path in
          // The report's exploitability of a policy bot: exact best response over its game.
          guard let file = try? PolicyFile.read(from: path) else { return nil }
          return BestResponse(game: file.policy.game).exploitability(file.policy)
        }
        report = try runner.run(
          announce: { Terminal.writeError($0 + "\n") },
          progress: { progress in
            guard !json, Date().timeIntervalSince(lastLine) > (live ? 0.1 : 5) || progress.hands == progress.target
            else {
              return
            }
            lastLine = Date()
            let scale = progress.scale
            let interval =
              progress.interval.map { String(format: "[%.4g, %.4g]", $0.lowerBound * scale, $0.upperBound * scale) }
              ?? "[…]"
            let line = String(
              format: "%@: %d/%d hands, %.0f hands/s, mean %.4g %@, interval %@", progress.pair, progress.hands,
              progress.target, progress.handsPerSecond, progress.mean * scale, progress.unit, interval)
            Terminal.writeError(live ? "\r\(line)\u{1B}[K" : line + "\n")
          })
      } catch {
        throw CommandError(error)
      }
      if live { Terminal.writeError("\n") }
      if json {
        print(try JSONOutput.string(report))
      } else {
        print(report.text)
        print("logs and report in \(configuration.outDirectory)/")
      }
      if !report.failedBots.isEmpty {
        Terminal.writeError(
          "error: \(report.failedBots.joined(separator: ", ")) died or never connected; each bot's standard error is in \(configuration.outDirectory)/bots/\n"
        )
        throw ExitCode(2)
      }
    }

    /// Whether a ZeroMQ endpoint can be reached from this machine only.
    static func isLocal(_ endpoint: String) -> Bool {
      if endpoint.hasPrefix("ipc://") || endpoint.hasPrefix("inproc://") { return true }
      guard endpoint.hasPrefix("tcp://") else { return false }
      let host = endpoint.dropFirst(6).split(separator: ":").dropLast().joined(separator: ":")
      return host.hasPrefix("127.") || host == "localhost" || host == "[::1]" || host == "lo"
    }

    /// Refuses, before anything starts, a bot spec that names no agent, a policy that cannot be
    /// read or is for another game, and an output folder that cannot be made.
    func checkBeforeStarting(_ configuration: MatchRunner.Configuration) throws {
      let definition: GameDefinition
      do { definition = try GameDefinition.named(configuration.game) } catch { throw CommandError(error) }
      for bot in configuration.bots where bot.spec != "remote" {
        do { _ = try AgentSpec.make(bot.spec, seed: 1, for: definition) } catch {
          throw CommandError("--bot \(bot.name)=\(bot.spec): \(error)")
        }
      }
      try OutputPath.checkFolder(configuration.outDirectory, option: "--out")
    }
  }
}
