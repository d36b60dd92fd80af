import Foundation
import Testing

/// Blueprints (`skeptic train --abstraction`) played as `policy:FILE` in the arena and in
/// `skeptic play`: limit and no-limit, duplicate deals, the card abstraction found again.
@Suite struct BlueprintPlayTests {
  func train(_ directory: URL, _ name: String, _ arguments: [String]) throws -> String {
    let path = directory.appendingPathComponent(name).path
    let run = try SkepticBinary.run(["train"] + arguments + ["--out", path])
    #expect(run.status == 0, "\(run.standardError)")
    return path
  }

  /// The arena's JSON report for a match between `bots` (NAME=SPEC).
  func arena(_ directory: URL, _ game: String, _ bots: [String], hands: Int, name: String) throws -> [String: Any] {
    let run = try SkepticBinary.run(
      [
        "arena", "--game", game, "--hands", String(hands), "--duplicate", "--json", "--out",
        directory.appendingPathComponent(name).path,
      ]
        + bots.flatMap { ["--bot", $0] })
    #expect(run.status == 0, "\(run.standardError)")
    return try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
  }

  @Test func leducBlueprintsBeatTheSimpleBotsWithDuplicateDeals() throws {
    let directory = try SkepticBinary.temporaryDirectory("blueprint-play")
    defer { try? FileManager.default.removeItem(at: directory) }
    let limit = try train(
      directory, "leduc.blueprint", ["--game", "leduc", "--abstraction", "lossless", "--iterations", "200000"])
    let noLimit = try train(
      directory, "nl.blueprint",
      ["--game", "nolimit-leduc", "--abstraction", "lossless", "--bets", "50%,100%,allin", "--iterations", "300000"])
    for (game, policy) in [("leduc", limit), ("nolimit-leduc", noLimit)] {
      let report = try arena(
        directory, game, ["bp=policy:\(policy)", "call=call", "rnd=random", "raise=raise"], hands: 3000,
        name: game)
      let pairs = try #require(report["pairs"] as? [[String: Any]])
      let mine = pairs.filter { $0["first"] as? String == "bp" }
      #expect(mine.count == 3)
      for pair in mine {
        let interval = try #require(pair["interval"] as? [Double])
        #expect(interval[0] > 0, "\(game): bp vs \(pair["second"] ?? "?"): interval \(interval) does not exclude 0")
      }
      let notes = (report["notes"] as? [String: [String]])?["bp"] ?? []
      #expect(!notes.contains { $0.contains("could not be read") }, "\(notes)")
    }
    // An exact policy's options are refused by name, as is an unknown option.
    let refused = try SkepticBinary.run([
      "bot", "--agent", "policy:\(limit),colour=red", "--connect", "tcp://127.0.0.1:1", "--timeout", "1",
    ])
    #expect(refused.status != 0 && refused.standardError.contains("colour"), "\(refused.standardError)")
    // The coach has no values to price decisions with in a blueprint, and says so.
    let coach = try SkepticBinary.run(
      ["play", "--game", "leduc", "--opponent", "policy:\(limit)", "--coach", "--plain"], input: "c\n",
      directory: directory)
    #expect(coach.status != 0 && coach.standardError.contains("blueprint"), "\(coach.standardError)")
    // A person plays the blueprint at the table.
    let play = try SkepticBinary.run(
      ["play", "--game", "nolimit-leduc", "--opponent", "policy:\(noLimit)", "--hands", "3", "--plain"],
      input: String(repeating: "c\n", count: 30), directory: directory)
    #expect(play.status == 0, "\(play.standardError)")
    #expect(play.standardOutput.contains("after 3 hands"), "\(play.standardOutput)")
  }

  @Test func aHoldemBlueprintFindsItsAbstractionAndPlays() throws {
    let directory = try SkepticBinary.temporaryDirectory("blueprint-holdem")
    defer { try? FileManager.default.removeItem(at: directory) }
    let abstraction = directory.appendingPathComponent("small.abs").path
    let build = try SkepticBinary.run([
      "abstract", "build", "--sizes", "169-20-20-20", "--boards", "2", "--sample", "5000", "--out", abstraction,
    ])
    #expect(build.status == 0, "\(build.standardError)")
    let policy = try train(
      directory, "lh.blueprint",
      ["--game", "limit-holdem", "--abstraction", abstraction, "--iterations", "50000"])
    let report = try arena(
      directory, "limit-holdem", ["bp=policy:\(policy)", "rnd=random"], hands: 200, name: "limit")
    let pair = try #require((report["pairs"] as? [[String: Any]])?.first)
    #expect(pair["hands"] as? Int == 200)
    #expect((report["notes"] as? [String: [String]])?["bp"] ?? [] == [], "a limit blueprint never leaves its tree")
    #expect(report["failedBots"] as? [String] ?? [] == [])

    // A blueprint for another game is refused before the bot connects.
    let otherGame = try SkepticBinary.run([
      "bot", "--game", "nolimit-holdem", "--agent", "policy:\(policy)", "--connect", "tcp://127.0.0.1:1", "--timeout",
      "1",
    ])
    #expect(otherGame.status != 0 && otherGame.standardError.contains("another game"), "\(otherGame.standardError)")
    // Moved away, the abstraction is looked for beside the blueprint, then named in the error;
    // given by option, it is found again; another abstraction is refused.
    let elsewhere = directory.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let moved = elsewhere.appendingPathComponent("moved.abs").path
    try FileManager.default.moveItem(atPath: abstraction, toPath: moved)
    let missing = try SkepticBinary.run([
      "bot", "--game", "limit-holdem", "--agent", "policy:\(policy)", "--connect", "tcp://127.0.0.1:1", "--timeout",
      "1",
    ])
    #expect(missing.status != 0)
    #expect(missing.standardError.contains("abstraction=FILE") && missing.standardError.contains("small.abs"))
    let found = try arena(
      directory, "limit-holdem", ["bp=policy:\(policy),abstraction=\(moved)", "call=call"], hands: 50,
      name: "moved")
    #expect((found["pairs"] as? [[String: Any]])?.first?["hands"] as? Int == 50)
    let other = directory.appendingPathComponent("other.abs").path
    let rebuilt = try SkepticBinary.run([
      "abstract", "build", "--sizes", "169-20-20-21", "--boards", "1", "--sample", "5000", "--out", other,
    ])
    #expect(rebuilt.status == 0, "\(rebuilt.standardError)")
    let wrong = try SkepticBinary.run([
      "bot", "--game", "limit-holdem", "--agent", "policy:\(policy),abstraction=\(other)", "--connect",
      "tcp://127.0.0.1:1", "--timeout", "1",
    ])
    #expect(wrong.status != 0 && wrong.standardError.contains("is not the card abstraction"), "\(wrong.standardError)")
  }
}
