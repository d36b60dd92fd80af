import Foundation
import Testing

@Suite(.serialized) struct ArenaEndToEndTests {
  func temporaryDirectory() throws -> URL { try SkepticBinary.temporaryDirectory("arena") }

  func trainPolicy(_ directory: URL) throws -> String {
    let policy = directory.appendingPathComponent("leduc.policy").path
    let train = try SkepticBinary.run(["train", "--game", "leduc", "--iterations", "300", "--out", policy])
    #expect(train.status == 0)
    return policy
  }

  @Test func aPolicyBotBeatsRandomWithAnIntervalAboveZero() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let policy = try trainPolicy(directory)
    let out = directory.appendingPathComponent("match").path
    let arena = try SkepticBinary.run([
      "arena", "--game", "leduc", "--bot", "cfr=policy:\(policy)", "--bot", "rnd=random", "--hands", "2000", "--out",
      out,
      "--json",
    ])
    #expect(arena.status == 0, "\(arena.standardError)")
    let report = try JSONSerialization.jsonObject(with: Data(arena.standardOutput.utf8)) as? [String: Any]
    let pair = try #require((report?["pairs"] as? [[String: Any]])?.first)
    #expect(pair["hands"] as? Int == 2000)
    let interval = try #require(pair["interval"] as? [Double])
    #expect(interval[0] > 0, "the policy bot's interval \(interval) does not exclude 0")
    #expect((pair["eValueFirstBetter"] as? Double ?? 0) > 20)
    let log = try String(contentsOfFile: out + "/match.log", encoding: .utf8)
    #expect(log.split(separator: "\n").filter { $0.hasPrefix("STATE:") }.count == 2000)
    // The plot: the running mean in its interval with a zero line, and the e-values against
    // 1/α, drawn as a picture (rsvg-convert, installed by scripts/setup).
    let svg = try String(contentsOfFile: out + "/report.svg", encoding: .utf8)
    for label in ["mean", "95% confidence sequence", "zero", "evidence: cfr vs rnd", "cfr better", "1/α = 20"] {
      #expect(svg.contains(">\(label)<"), "the plot has no \(label)")
    }
    #expect(svg.contains("stroke-dasharray"))
    let png = directory.appendingPathComponent("report.png").path
    let render = try SkepticBinary.runTool("/usr/bin/rsvg-convert", [out + "/report.svg", "-o", png])
    #expect(render == 0)
    let picture = try Data(contentsOf: URL(fileURLWithPath: png))
    #expect(picture.starts(with: [0x89, 0x50, 0x4E, 0x47]) && picture.count > 10_000)
    // 640 × 800: one pair, its winnings above its evidence.
    #expect(picture[16..<24].elementsEqual([0, 0, 2, 0x80, 0, 0, 3, 0x20]))
    #expect(((report?["exploitability"] as? [String: Double])?["cfr"] ?? 1) < 0.05)
    // The verdict stands beside the e-value.
    let text = try String(contentsOfFile: out + "/report.txt", encoding: .utf8)
    #expect(text.contains("≥ 20: cfr is better, decided after "), "\(text)")
    // hands.csv is read by skeptic stats as it is, and gives the report's interval.
    let stats = try SkepticBinary.run([
      "stats", out + "/hands.csv", "--column", "first", "--where", "pair=cfr vs rnd", "--lower", "-13", "--upper", "13",
      "--json",
    ])
    #expect(stats.status == 0, "\(stats.standardError)")
    let final = (try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as? [String: Any])?["final"]
    let ends = try #require(final as? [String: Any])
    #expect(ends["observations"] as? Int == 2000)
    #expect(
      abs((ends["lower"] as? Double ?? 0) - interval[0]) < 1e-9
        && abs((ends["upper"] as? Double ?? 0) - interval[1]) < 1e-9)
  }

  @Test func theReportSaysWhenAnAdaptiveBotSwitched() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let policy = try trainPolicy(directory)
    let arena = try SkepticBinary.run([
      "arena", "--game", "leduc", "--bot", "ad=adaptive:\(policy)", "--bot", "caller=call", "--hands", "300", "--out",
      directory.appendingPathComponent("match").path, "--json",
    ])
    #expect(arena.status == 0, "\(arena.standardError)")
    let report = try JSONSerialization.jsonObject(with: Data(arena.standardOutput.utf8)) as? [String: Any]
    let notes = (report?["notes"] as? [String: [String]])?["ad"] ?? []
    #expect(notes.contains { $0.contains("exploiting") }, "notes: \(notes)")
    // Each note says which opponent it concerns and counts hands within that pair.
    #expect(notes.allSatisfy { $0.hasPrefix("vs caller: ") }, "notes: \(notes)")
    #expect(notes.contains { $0.contains("of this pair") && $0.contains("1/α = 20") }, "notes: \(notes)")
  }

  /// The adaptive bot plays many hands at once and makes the decisions it makes one at a time.
  @Test func anAdaptiveBotInFlightPlaysAsOneAtATime() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let policy = try trainPolicy(directory)
    func log(_ name: String, _ extra: [String]) throws -> (lines: [String], inFlight: Int?) {
      let out = directory.appendingPathComponent(name).path
      let arena = try SkepticBinary.run(
        [
          "arena", "--game", "leduc", "--bot", "ad=adaptive:\(policy)", "--bot", "rnd=random", "--hands", "600",
          "--out", out, "--json",
        ]
          + extra)
      #expect(arena.status == 0, "\(arena.standardError)")
      let report = try JSONSerialization.jsonObject(with: Data(arena.standardOutput.utf8)) as? [String: Any]
      let pair = (report?["pairs"] as? [[String: Any]])?.first
      return (
        try String(contentsOfFile: out + "/match.log", encoding: .utf8).split(separator: "\n").map(String.init),
        pair?["handsInFlight"] as? Int
      )
    }
    let many = try log("many", [])
    let one = try log("one", ["--in-flight", "1"])
    #expect(many.inFlight == 32 && one.inFlight == 1)
    #expect(
      many.lines == one.lines,
      "the logs part at line \(many.lines.indices.first { !one.lines.indices.contains($0) || many.lines[$0] != one.lines[$0] } ?? -1)"
    )
  }

  @Test func theSameSeedGivesTheSameLogAndDuplicateDealsRepeat() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    func run(_ name: String, _ extra: [String]) throws -> [String] {
      let out = directory.appendingPathComponent(name).path
      let arena = try SkepticBinary.run(
        [
          "arena", "--game", "leduc", "--bot", "a=random", "--bot", "b=raise", "--hands", "300", "--out", out, "--seed",
          "4",
        ] + extra)
      #expect(arena.status == 0, "\(arena.standardError)")
      return try String(contentsOfFile: out + "/match.log", encoding: .utf8).split(separator: "\n").map(String.init)
    }
    let first = try run("one", [])
    let second = try run("two", [])
    #expect(first == second)
    // Hands in flight (256 here, the bots' answers interleaved) change nothing in the log.
    let sequential = try run("sequential", ["--in-flight", "1"])
    #expect(first == sequential)
    let report = try String(contentsOfFile: directory.appendingPathComponent("one/report.json").path, encoding: .utf8)
    #expect(report.contains("\"handsInFlight\" : 256"))
    let duplicate = try run("dup", ["--duplicate"]).filter { $0.hasPrefix("STATE:") }
    for j in 0..<150 {
      // The same hole cards by seat; the same board wherever both hands reached it.
      let cards = { (line: String) in
        line.split(separator: ":", omittingEmptySubsequences: false)[3].split(separator: "/")
      }
      let (first, second) = (cards(duplicate[2 * j]), cards(duplicate[2 * j + 1]))
      #expect(first[0] == second[0])
      for round in 1..<min(first.count, second.count) { #expect(first[round] == second[round]) }
    }
  }

  @Test func badArgumentsAreRefusedClearly() throws {
    let one = try SkepticBinary.run(["arena", "--bot", "a=random"])
    #expect(one.status != 0 && one.standardError.contains("at least two --bot"))
    let malformed = try SkepticBinary.run(["arena", "--bot", "a=random", "--bot", "oops"])
    #expect(malformed.status != 0 && malformed.standardError.contains("'oops' is not NAME=SPEC"))
  }
}
