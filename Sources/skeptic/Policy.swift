import ArgumentParser
import Basics
import Foundation
import Solver

extension Skeptic {
  /// `skeptic policy show|export`.
  struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "policy",
      abstract: "Inspect a policy file or export it for other tools.",
      subcommands: [Show.self, Export.self]
    )

    struct Show: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Summarise a policy or blueprint file: game, algorithm, iterations, size.")

      @Argument(help: "A policy file (skeptic train) or a blueprint (skeptic train --abstraction).")
      var file: String

      @Flag(help: "Print the header as JSON.")
      var json = false

      @Flag(
        help:
          "A hold'em blueprint's preflop decision as 13×13 grids, one per action: each starting-hand class's share.")
      var grid = false

      @Option(
        help: "With --grid: the preflop moves before the decision, in ACPC notation (r300,c or r,r for limit).")
      var line: String?

      @Option(help: "With --grid: also write the grid as an SVG picture here.")
      var svg: String?

      func validate() throws {
        if (line != nil || svg != nil) && !grid { throw ValidationError("--line and --svg go with --grid") }
      }

      func run() throws {
        if BlueprintPolicy.isBlueprint(file: file) {
          if grid {
            try showGrid()
            return
          }
          try showBlueprint()
          return
        }
        if grid { throw ValidationError("--grid shows a hold'em blueprint's preflop; \(file) is a policy file") }
        let policyFile: PolicyFile
        do { policyFile = try PolicyFile.read(from: file) } catch { throw CommandError(error) }
        let header = policyFile.header
        if json {
          print(try JSONOutput.string(header))
          return
        }
        let game = policyFile.policy.game
        print("policy file \(file)")
        print(
          "  algorithm       \(header.algorithm) (\(header.alternatingUpdates ? "alternating" : "simultaneous") updates, \(header.precision) precision)"
        )
        print("  iterations      \(header.iterations)")
        print(
          "  exploitability  \(header.exploitability.map { String(format: "%.6g chips per game", $0) } ?? "not computed")"
        )
        print(
          "  information sets \(game.informationSetCounts.map(String.init).joined(separator: " / ")) per player; \(game.slotCount) table entries"
        )
        print("  game:")
        print(header.gameDefinition.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
      }
    }

    struct Export: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract:
          "Write a policy as JSON: each information set (seat:hole:betting:board) to its actions' probabilities.")

      @Argument(help: "A policy file.")
      var file: String

      @Option(help: "Output format (json).")
      var format: String = "json"

      @Option(help: "Write here instead of standard output.")
      var out: String?

      func validate() throws {
        guard format == "json" else { throw ValidationError("--format json is the only export format") }
      }

      func run() throws {
        let policyFile: PolicyFile
        do { policyFile = try PolicyFile.read(from: file) } catch { throw CommandError(error) }
        struct Export: Encodable {
          var format = "skeptic-policy-export"
          var version = 1
          var game: String
          var algorithm: String
          var iterations: Int
          var exploitability: Double?
          var keyFormat = "seat:hole cards:betting (ACPC, rounds split by /):board cards (by round, split by /)"
          var informationSets: [String: [String: Double]]
        }
        let header = policyFile.header
        let export = Export(
          game: header.gameDefinition, algorithm: header.algorithm, iterations: header.iterations,
          exploitability: header.exploitability, informationSets: policyFile.policy.exportedProbabilities())
        let text = try JSONOutput.string(export)
        if let out {
          do { try AtomicFile.write(Data((text + "\n").utf8), to: out) } catch { throw CommandError(error) }
        } else {
          print(text)
        }
      }
    }
  }
}

extension Skeptic.PolicyCommand.Show {
  struct BlueprintSummary: Encodable {
    var game: String
    var menu: String?
    var buckets: String
    var bucketCounts: [Int]
    var deals: Int
    var decisions: Int
    var actions: Int
    var tableEntries: Int
    var settings: BlueprintSettings
  }

  func showBlueprint() throws {
    let blueprint: BlueprintPolicy
    do { blueprint = try BlueprintPolicy(contentsOf: file) } catch { throw CommandError(error.message) }
    let summary = BlueprintSummary(
      game: blueprint.tree.game.text, menu: blueprint.menu?.description, buckets: blueprint.bucketsIdentity,
      bucketCounts: blueprint.bucketCounts, deals: blueprint.iterations, decisions: blueprint.tree.decisionCount,
      actions: blueprint.tree.actionCount, tableEntries: blueprint.slotCount, settings: blueprint.settings)
    if json {
      print(try JSONOutput.string(summary))
      return
    }
    let settings = blueprint.settings
    print("blueprint \(file)")
    print("  trainer         external-sampling MCCFR, seed \(settings.seed), batches of \(settings.batch)")
    print("  deals           \(blueprint.iterations)")
    print(
      "  card buckets    \(blueprint.bucketsIdentity) (\(blueprint.bucketCounts.map(String.init).joined(separator: "-")))"
    )
    print("  bet menu        \(blueprint.menu?.description ?? "every action (limit)")")
    print(
      "  betting tree    \(blueprint.tree.decisionCount) decisions, \(blueprint.tree.actionCount) actions; \(blueprint.slotCount) table entries"
    )
    print("  game:")
    print(blueprint.tree.game.text.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
  }
}
