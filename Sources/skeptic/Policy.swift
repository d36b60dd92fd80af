import ArgumentParser
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
        abstract: "Summarise a policy file: game, algorithm, iterations, size.")

      @Argument(help: "A policy file.")
      var file: String

      @Flag(help: "Print the header as JSON.")
      var json = false

      func run() throws {
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
