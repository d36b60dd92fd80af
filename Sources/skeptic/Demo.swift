import ArgumentParser
import Cards
import Foundation

extension Skeptic {
  /// `skeptic demo`: the README's main job.
  struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "A first look: the bundled games with their sizes, then an equity calculation."
    )

    func run() throws {
      print("Skeptic \(SkepticVersion.current): the bundled games\n")
      let games = try Games.List.parse([])
      try games.run()
      print("\nAll-in equity, exact over every board: skeptic equity AhKh QsQd\n")
      var equity = try Equity.parse(["AhKh", "QsQd"])
      try equity.run()
      print("\nThe same for ranges: skeptic equity 'QQ+,AKs' 'AQo-ATo,KQs'\n")
      equity = try Equity.parse(["QQ+,AKs", "AQo-ATo,KQs"])
      try equity.run()
    }
  }
}
