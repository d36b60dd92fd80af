import ArgumentParser
import Foundation
import PokerRules

extension Skeptic {
  /// `skeptic games`: the bundled games and their sizes.
  struct Games: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the bundled games with their sizes, or show one definition.",
      discussion: """
        Sizes count the game tree with cards dealt one at a time: histories (chance, decision \
        and terminal nodes), information sets per player, and terminal nodes. A game whose \
        betting tree is too large to walk (no-limit hold'em) shows no sizes.
        """,
      subcommands: [List.self, Show.self],
      defaultSubcommand: List.self
    )
  }
}

extension Skeptic.Games {
  /// `skeptic games list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the bundled games with their sizes.")

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    struct Row: Codable {
      var name: String
      var summary: String
      var players: Int
      var betting: String
      var sizes: GameSizes?
    }

    func run() throws {
      let rows = BundledGame.allCases.map { game in
        let definition = game.definition
        return Row(
          name: game.rawValue, summary: game.summary, players: definition.numPlayers,
          betting: definition.betting.rawValue, sizes: GameSizes.count(definition, limit: 50_000))
      }
      if json {
        print(try JSONOutput.string(rows))
        return
      }
      print("name            players  histories        info sets/player      terminal nodes")
      for row in rows {
        let name = row.name.padding(toLength: 16, withPad: " ", startingAt: 0)
        if let sizes = row.sizes {
          let infosets = sizes.informationSets.map(Self.format).joined(separator: " / ")
          print(
            "\(name)\(String(row.players).padding(toLength: 9, withPad: " ", startingAt: 0))\(Self.format(sizes.histories).padding(toLength: 17, withPad: " ", startingAt: 0))\(infosets.padding(toLength: 22, withPad: " ", startingAt: 0))\(Self.format(sizes.terminalNodes))"
          )
        } else {
          print("\(name)\(String(row.players).padding(toLength: 9, withPad: " ", startingAt: 0))too large to count")
        }
        print("    \(row.summary)")
      }
      print(
        "\nShow a definition with 'skeptic games show NAME'; any .game file can be given by path where a game is asked for."
      )
    }

    static func format(_ value: Double) -> String {
      value < 1e9 ? String(Int(value)) : String(format: "%.3g", value)
    }
  }

  /// `skeptic games show NAME`.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a game's ACPC definition.")

    @Argument(help: "A bundled game name (kuhn, kuhn-3p, leduc, limit-holdem, nolimit-holdem) or a .game file.")
    var game: String

    func run() throws {
      do {
        let definition = try GameDefinition.named(game)
        if let bundled = BundledGame(rawValue: game.lowercased()) { print("# \(bundled.summary)") }
        print(definition.text, terminator: "")
      } catch {
        throw CommandError(error)
      }
    }
  }
}
