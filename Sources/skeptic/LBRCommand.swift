import Agents
import ArgumentParser
import Foundation
import PokerRules
import Solver

extension Skeptic {
  /// `skeptic lbr`: local best response against a blueprint or a simple bot.
  struct LBRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "lbr",
      abstract:
        "Local best response (Lisý & Bowling 2017): a lower bound on how exploitable a policy is, by playing it.",
      discussion: """
        LBR sees its own cards and the policy's strategy, keeps the opponent's range by Bayes' rule, \
        and at each decision takes the action that is best if both players only check and call \
        afterwards. Every deal is played from both seats with the same cards; the result is LBR's \
        win rate with an anytime-valid confidence sequence (valid however often you look, so \
        --stop-when-decided may stop early). A policy that loses less than always-fold \
        (750 mbb/hand against cc-fcpa in no-limit hold'em) beats folding every hand against LBR.

        Actions (--actions): fc (fold or call), cc-fcpa (check or call preflop and on the flop, then \
        fold, call, pot or all-in: the setting of the published figures, the default for no-limit), \
        56 (fold, call, all-in and 53 pot shares, every round), fcr (fold, call, raise: limit).

        Examples:
          skeptic lbr policy:nl.blueprint --hands 2000
          skeptic lbr fold --game nolimit-holdem --hands 100
        """
    )

    @Argument(
      help:
        "The policy: policy:FILE (a blueprint, with ,abstraction=ABS and ,translation=NAME as for bots), FILE, fold or call."
    )
    var opponent: String

    @Option(help: "The game (for fold and call; a blueprint names its own).")
    var game: String?

    @Option(help: "LBR's actions: fc, cc-fcpa, 56 or fcr (default: cc-fcpa for no-limit, fcr for limit).")
    var actions: String?

    @Option(help: "Deals to play, each from both seats.")
    var hands: Int = 1000

    @Option(help: "Seed for the deals and the policy's draws.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (the same results for any count).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Error level α of the confidence sequence.")
    var alpha: Double = 0.05

    @Option(
      parsing: .unconditional,
      help: "The win rate (in the report's unit) the policy is judged against: the sequence decides above or below it.")
    var threshold: Double = 0

    @Flag(help: "Stop once the confidence sequence excludes --threshold.")
    var stopWhenDecided = false

    @Flag(help: "Print JSON.")
    var json = false

    /// What --json prints.
    struct Summary: Codable {
      var opponent: String
      var game: String
      var actions: String
      var deals: Int
      var unit: String
      var mean: Double
      var interval: [Double]?
      var meanFirstSeat: Double
      var meanSecondSeat: Double
      var threshold: Double
      var decided: String?
      var seconds: Double
      var dealsPerSecond: Double
    }

    func validate() throws {
      guard hands > 0 else { throw ValidationError("--hands must be positive") }
      guard threads > 0 else { throw ValidationError("--threads must be positive") }
      guard alpha > 0, alpha < 1 else { throw ValidationError("--alpha must be in (0, 1)") }
      if let actions, !LBRActions.presets.contains(where: { $0.name == actions }) {
        throw ValidationError(
          "--actions \(actions): one of \(LBRActions.presets.map(\.name).joined(separator: ", "))")
      }
    }

    /// The opponent and its game.
    func makeOpponent() throws -> (LBROpponent, GameDefinition) {
      switch opponent.lowercased() {
      case "fold", "call":
        let definition = try GameDefinition.named(game ?? "nolimit-holdem")
        return (opponent.lowercased() == "fold" ? .alwaysFold : .alwaysCall, definition)
      default:
        let spec = opponent.hasPrefix("policy:") ? String(opponent.dropFirst("policy:".count)) : opponent
        let (path, _) = try AgentSpec.policyOptions(spec)
        guard BlueprintPolicy.isBlueprint(file: path) else {
          throw CommandError(
            "\(path) is not a blueprint; LBR plays blueprints (skeptic train --abstraction) and the bots fold and call (an exact policy's exploitability is exact: skeptic exploitability)"
          )
        }
        // Loaded as its bot loads it (abstraction found again, translation read from the options).
        guard let bot = try AgentSpec.make("policy:" + spec, seed: seed) as? BlueprintAgent else {
          throw CommandError("\(path) did not load as a blueprint")
        }
        if let game, try GameDefinition.named(game) != bot.policy.tree.game {
          throw CommandError("\(path) is a blueprint for another game than \(game)")
        }
        return (.blueprint(bot.policy, buckets: bot.buckets, translation: bot.translation), bot.policy.tree.game)
      }
    }

    func run() throws {
      let (policy, definition): (LBROpponent, GameDefinition)
      do { (policy, definition) = try makeOpponent() } catch let error as SolverError {
        throw CommandError(error.message)
      } catch let error as RulesError {
        throw CommandError(error)
      } catch let error as AgentError {
        throw CommandError(error.message)
      }
      let chosen = actions.flatMap { name in LBRActions.presets.first { $0.name == name } }
      let lbrActions = chosen ?? LBRActions.standard(for: definition)
      let lbr: LocalBestResponse
      do {
        lbr = try LocalBestResponse(game: definition, opponent: policy, actions: lbrActions, seed: seed)
      } catch { throw CommandError(error.message) }
      let gameName = BundledGame.allCases.first { $0.definition == definition }?.rawValue ?? "the policy's game"
      var tally = try LBRTally(game: definition, alpha: alpha, threshold: threshold)
      var decided: String?
      let started = Date()
      let live = Terminal.standardErrorIsTerminal && !json
      var lastLine = -5.0
      if !json {
        Terminal.writeError(
          "LBR (\(lbrActions.name)) against \(opponent) in \(gameName), \(hands) deals from both seats, \(threads) thread\(threads == 1 ? "" : "s")\n"
        )
      }
      while tally.deals < hands && decided == nil {
        let played = tally.deals
        let batch = min(hands - played, max(threads * 8, 64))
        for result in lbr.play(deals: played..<(played + batch), threads: threads) {
          try tally.observe(result)
          if stopWhenDecided, tally.decided {
            decided = "after \(tally.deals) deals"
            break
          }
        }
        let elapsed = Date().timeIntervalSince(started)
        if !json {
          let interval = tally.interval.map { String(format: " [%.0f, %.0f]", $0[0], $0[1]) } ?? ""
          let left = Double(hands - tally.deals) * elapsed / Double(tally.deals)
          let line = String(
            format: "%d/%d deals  LBR wins %.0f %@%@  %@ elapsed, %@ left", tally.deals, hands, tally.mean, tally.unit,
            interval, Terminal.clock(elapsed), Terminal.clock(left))
          if live {
            Terminal.writeError("\r\(Terminal.bar(Double(tally.deals) / Double(hands))) \(line)\u{1B}[K")
          } else if elapsed - lastLine >= 5 {
            lastLine = elapsed
            Terminal.writeError(line + "\n")
          }
        }
      }
      if live { Terminal.writeError("\n") }
      let seconds = Date().timeIntervalSince(started)
      let interval = tally.interval
      let unit = tally.unit
      let played = tally.deals
      let mean = tally.mean
      let summary = Summary(
        opponent: opponent, game: gameName, actions: lbrActions.name, deals: played, unit: unit,
        mean: mean, interval: interval, meanFirstSeat: tally.meanFirstSeat, meanSecondSeat: tally.meanSecondSeat,
        threshold: threshold, decided: tally.decided ? ((interval?[0] ?? 0) > threshold ? "above" : "below") : nil,
        seconds: seconds, dealsPerSecond: Double(played) / max(seconds, 1e-9))
      if json {
        print(try JSONOutput.string(summary))
        return
      }
      print(
        String(
          format: "LBR wins %.1f %@ against %@ over %d deals (both seats: %.1f and %.1f)", mean, unit, opponent, played,
          summary.meanFirstSeat, summary.meanSecondSeat))
      if let interval {
        print(
          String(
            format: "%.0f%% confidence sequence [%.1f, %.1f] %@", 100 * (1 - alpha), interval[0], interval[1], unit))
      }
      switch summary.decided {
      case "above":
        print(String(format: "decided: LBR wins more than %g %@ (%@)", threshold, unit, decided ?? "at the end"))
      case "below":
        print(String(format: "decided: LBR wins less than %g %@ (%@)", threshold, unit, decided ?? "at the end"))
      default: print(String(format: "undecided against %g %@ so far", threshold, unit))
      }
      print(String(format: "%.1f deals/s", summary.dealsPerSecond))
    }
  }
}
