import ArgumentParser
import Foundation

extension Skeptic {
  /// `skeptic demo`: the README's main job.
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "The main job: solve Leduc hold'em, then an arena match of the solution, an adaptive bot and a random bot.",
      discussion: "Writes its policy, logs and report under --out (default skeptic-demo/)."
    )

    @Option(help: "Folder for the policy, logs and report.")
    var out: String = "skeptic-demo"

    @Option(help: "Hands per pair in the arena.")
    var hands: Int = 1_000

    func run() throws {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      // The demo owns its folder: a previous demo's match is replaced.
      try? FileManager.default.removeItem(atPath: out + "/match")
      let policy = out + "/leduc.policy"
      print("1. Solving Leduc hold'em with DCFR (skeptic train --game leduc --algorithm dcfr --iterations 2000)\n")
      fflush(nil)
      let train = try Train.parse([
        "--game", "leduc", "--algorithm", "dcfr", "--iterations", "2000", "--out", policy, "--plot",
        out + "/convergence.svg",
      ])
      try train.run()
      print("\n2. An arena match: the solution, an adaptive bot and a random bot, each its own process")
      print(
        "   (skeptic arena --game leduc --bot cfr=policy:\(policy) --bot adaptive=adaptive:\(policy) --bot random=random --hands \(hands))\n"
      )
      fflush(nil)
      let arena = try ArenaCommand.parse([
        "--game", "leduc", "--bot", "cfr=policy:\(policy)", "--bot", "adaptive=adaptive:\(policy)", "--bot",
        "random=random",
        "--hands",
        String(hands), "--out", out + "/match",
      ])
      try arena.run()
      let match = out + "/match"
      print(
        """

        3. What it wrote, in \(out)/:
           leduc.policy          the solution (skeptic policy show, skeptic exploitability)
           convergence.svg       its exploitability against iterations and seconds
           match/report.txt      the report above; report.json for scripts, report.svg as a plot
           match/match.log       every hand as an ACPC STATE line
           match/events.jsonl    every hand as JSON, with any invalid answer and why
           match/hands.csv       every hand's chips, for skeptic stats
           match/bots/           each bot process's standard error

        Next: skeptic stats \(match)/hands.csv --column first --where "pair=cfr vs random" --lower -13 --upper 13
              skeptic --help, skeptic games, skeptic equity AhKh QsQd
        """)
    }
  }
}
