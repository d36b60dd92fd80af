import ArgumentParser

/// The `skeptic` command: game-theoretic poker from the terminal.
@main
struct Skeptic: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "skeptic",
    abstract:
      "Game-theoretic poker: solve games, pit bots against each other, and judge the results with evidence that stays valid when you peek.",
    discussion: """
      Start with `skeptic games` to see the bundled games and `skeptic equity AhKh QsQd` for a \
      first calculation. Every command takes --help.
      """,
    version: SkepticVersion.current,
    subcommands: [
      Demo.self, Games.self, Equity.self, Train.self, Solve.self, Abstract.self, ExploitabilityCommand.self,
      PolicyCommand.self, Stats.self, LBRCommand.self,
      ArenaCommand.self, PlayCommand.self, Bot.self, ACPC.self, Bench.self,
    ]
  )
}
