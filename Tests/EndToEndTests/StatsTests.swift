import Foundation
import TestSupport
import Testing

@Suite struct StatsTests {
  func write(_ text: String) throws -> String {
    let path = Scratch.path("stats.csv")
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func printsTheSequenceAndTheEValueAsJSON() throws {
    var lines = ["hand,chips"]
    for i in 0..<3_000 { lines.append("\(i),\(i % 4 == 0 ? -1 : 1)") }
    let path = try write(lines.joined(separator: "\n") + "\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let output = try SkepticBinary.run([
      "stats", path, "--column", "chips", "--lower", "-1", "--upper", "1", "--against", "0", "--at", "10,100", "--json",
    ])
    #expect(output.status == 0, "\(output.standardError)")
    let report = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
    let final = report?["final"] as? [String: Any]
    let lower = try #require(final?["lower"] as? Double)
    let upper = try #require(final?["upper"] as? Double)
    #expect(lower < 0.5 && 0.5 < upper && lower > 0)
    #expect((report?["eValue"] as? Double ?? 0) > 1e6)
    #expect((report?["rows"] as? [[String: Any]])?.count == 2)
  }

  @Test func badFilesAndArgumentsNameTheProblem() throws {
    let good = try write("x\n0.5\n0.25\n")
    let text = try write("x\n0.5\nabc\n")
    let empty = try write("")
    defer { for path in [good, text, empty] { try? FileManager.default.removeItem(atPath: path) } }
    let cases: [([String], String)] = [
      (["stats", text, "--lower", "0", "--upper", "1"], "row 3, column 'x': 'abc' is not a finite number"),
      (["stats", empty, "--lower", "0", "--upper", "1"], "the file is empty"),
      (["stats", good, "--column", "y", "--lower", "0", "--upper", "1"], "no column named 'y'"),
      (["stats", good, "--lower", "0", "--upper", "0.3"], "outside [0.0, 0.3]"),
      (
        ["stats", good, "--lower", "0", "--upper", "1", "--alpha", "2"], "--alpha 2.0 must lie strictly between 0 and 1"
      ),
      (["stats", "/nonexistent.csv", "--lower", "0", "--upper", "1"], "cannot read the file"),
    ]
    for (arguments, message) in cases {
      let output = try SkepticBinary.run(arguments)
      #expect(output.status != 0)
      #expect(output.standardError.contains(message), "\(arguments): \(output.standardError)")
    }
  }
}
