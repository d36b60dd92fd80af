import Foundation
import TestSupport
import Testing

@Suite struct CommandLineTests {
  @Test func helpNamesEveryCommandAndVersionPrints() throws {
    let help = try SkepticBinary.run(["--help"])
    #expect(help.status == 0)
    for command in ["demo", "games", "equity", "bench"] { #expect(help.standardOutput.contains(command)) }
    for command in [
      ["games", "--help"], ["games", "show", "--help"], ["equity", "--help"], ["bench", "handeval", "--help"],
      ["demo", "--help"],
    ] {
      let output = try SkepticBinary.run(command)
      #expect(output.status == 0)
      #expect(output.standardOutput.contains("USAGE"))
    }
    let version = try SkepticBinary.run(["--version"])
    #expect(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
  }

  @Test func equityPrintsTheExactResultAsJSON() throws {
    let output = try SkepticBinary.run(["equity", "AhKh", "QsQd", "--json"])
    #expect(output.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
    let players = object?["players"] as? [[String: Any]]
    #expect(players?.first?["wins"] as? Double == 787_966)
    #expect(object?["exact"] as? Bool == true)
  }

  @Test func monteCarloEquityRepeatsForTheSameSeed() throws {
    let arguments = ["equity", "QQ+,AKs", "random", "--trials", "20000", "--seed", "9", "--json"]
    let first = try SkepticBinary.run(arguments)
    let second = try SkepticBinary.run(arguments)
    #expect(first.status == 0)
    #expect(first.standardOutput == second.standardOutput)
  }

  @Test func badCardsAreClearErrors() throws {
    let output = try SkepticBinary.run(["equity", "AhKh", "Zs9d"])
    #expect(output.status != 0)
    #expect(output.standardError.contains("'Z' is not a rank"))
    let duplicate = try SkepticBinary.run(["equity", "AhKh", "QsQd", "--board", "Ah2c3d"])
    #expect(duplicate.status != 0)
    #expect(duplicate.standardError.contains("Ah is used twice"))
  }

  @Test func gamesListsSizesAndShowsDefinitions() throws {
    let list = try SkepticBinary.run(["games", "--json"])
    #expect(list.status == 0)
    let rows = try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [[String: Any]]
    let leduc = rows?.first { $0["name"] as? String == "leduc" }
    let sizes = leduc?["sizes"] as? [String: Any]
    #expect(sizes?["histories"] as? Double == 9_457)
    let show = try SkepticBinary.run(["games", "show", "kuhn"])
    #expect(show.standardOutput.contains("numRanks = 3"))
    let missing = try SkepticBinary.run(["games", "show", "nope"])
    #expect(missing.status != 0)
    #expect(missing.standardError.contains("the bundled games are"))
  }

  @Test func aGameFileWithAnErrorNamesTheLine() throws {
    let path = URL(fileURLWithPath: Scratch.path("bad.game"))
    let text = """
      GAMEDEF
      limit
      numPlayers = 2
      numRounds = 1
      blind = 1 1
      raiseSize = 1
      firstPlayer = 1
      numSuits = 1
      numRanks = 3
      numHoleCards = 1
      numBoardCard = 0
      END GAMEDEF

      """
    try text.write(to: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: path) }
    let output = try SkepticBinary.run(["games", "show", path.path])
    #expect(output.status != 0)
    #expect(output.standardError.contains("\(path.path):11 (numBoardCard): unknown key"))
  }

  @Test func readmeCarriesTheCommandsCIRuns() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let ci = try String(contentsOf: root.appendingPathComponent(".ci/run"), encoding: .utf8)
    #expect(readme.contains("bash scripts/setup && bash scripts/test"))
    #expect(ci.contains("bash scripts/setup && bash scripts/test"))
    #expect(readme.contains("bash scripts/setup && swift run -c release skeptic demo"))
  }
}
