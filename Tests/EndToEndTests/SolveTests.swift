import Foundation
import Testing

/// `skeptic solve` as a person and a script use it: solve, save, browse as text, JSON and a picture;
/// bad spots refused with the field at fault.
@Suite struct SolveTests {
  static let spotsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../Examples/spots").standardizedFileURL.path

  @Test func solveSaveAndBrowse() throws {
    let directory = try SkepticBinary.temporaryDirectory("solve")
    defer { try? FileManager.default.removeItem(at: directory) }
    let solution = directory.appendingPathComponent("river.solution").path
    let solved = try SkepticBinary.run([
      "solve", "\(Self.spotsFolder)/river-spr5.spot", "--accuracy", "0.2%", "--out", solution, "--json",
    ])
    #expect(solved.status == 0, "\(solved.standardError)")
    let report = try JSONSerialization.jsonObject(with: Data(solved.standardOutput.utf8)) as? [String: Any]
    let result = report?["result"] as? [String: Any]
    let evaluation = result?["evaluation"] as? [String: Any]
    #expect((evaluation?["exploitabilityPercentOfPot"] as? Double ?? 1) <= 0.2)
    #expect(report?["combos"] as? [Int] == [162, 124])
    // Text: who acts, each action's frequency, one grid per action, the moves that follow.
    let shown = try SkepticBinary.run(["solve", "--show", solution, "--line", "x", "--combos"])
    #expect(shown.status == 0)
    for text in ["IP to act", "check", "bet 50", "% of each hand class", "continue the line"] {
      #expect(shown.standardOutput.contains(text), "missing \(text)")
    }
    #expect(!shown.standardOutput.contains("\u{1B}["), "no colours when not on a terminal")
    // JSON: the whole tree below the line, 45 betting nodes on this river.
    let tree = try SkepticBinary.run(["solve", "--show", solution, "--json"])
    let root = try JSONSerialization.jsonObject(with: Data(tree.standardOutput.utf8)) as? [String: Any]
    func count(_ node: [String: Any]) -> Int {
      1 + ((node["children"] as? [String: [String: Any]]) ?? [:]).values.reduce(0) { $0 + count($1) }
    }
    #expect(root.map(count) == 45)
    // The grid as a picture.
    let svg = directory.appendingPathComponent("grid.svg").path
    #expect(try SkepticBinary.run(["solve", "--show", solution, "--line", "x", "--svg", svg]).status == 0)
    let png = directory.appendingPathComponent("grid.png").path
    #expect(try SkepticBinary.runTool("/usr/bin/rsvg-convert", [svg, "-o", png]) == 0)
    let picture = try Data(contentsOf: URL(fileURLWithPath: png))
    #expect(picture.starts(with: [0x89, 0x50, 0x4E, 0x47]) && picture.count > 10_000)
    // A wrong move is named with what could follow.
    let wrong = try SkepticBinary.run(["solve", "--show", solution, "--line", "x,b75"])
    #expect(wrong.status != 0 && wrong.standardError.contains("expected one of x b50 b100 b500"))
  }

  @Test func badSpotsAreRefusedByField() throws {
    let cases: [([String], String)] = [
      (
        ["--board", "QsQsJh", "--pot", "100", "--stack", "100", "--oop", "AA", "--ip", "KK"],
        "board: 'Qs': Qs appears twice"
      ),
      (["--board", "QsQhQd", "--pot", "100", "--stack", "100", "--oop", "QQ", "--ip", "KK"], "oop range"),
      (
        ["--board", "QsJh2h", "--pot", "100", "--stack", "100", "--oop", "AA", "--ip", "KK", "--bets", "big"],
        "bets: 'big'"
      ),
      (["--board", "QsJh2h", "--pot", "100", "--stack", "-1", "--oop", "AA", "--ip", "KK"], "stack"),
      (
        [
          "--board", "QsJh2h", "--pot", "100", "--stack", "10000", "--oop", "random", "--ip", "random", "--bets",
          "25%,50%,100%", "--max-memory", "100M",
        ],
        "more than the 100 MB allowed"
      ),
    ]
    for (arguments, message) in cases {
      let output = try SkepticBinary.run(["solve"] + arguments)
      #expect(output.status != 0)
      #expect(output.standardError.contains(message), "\(arguments): \(output.standardError)")
      #expect(!output.standardError.contains("Fatal"))
    }
  }
}
