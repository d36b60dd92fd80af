import Foundation
import Testing

@Suite(.serialized) struct PlayEndToEndTests {
  func temporaryDirectory() throws -> URL { try SkepticBinary.temporaryDirectory("play") }

  @Test func lineModeThroughAPipePlaysLogsAndSummarises() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // Junk and an illegal fold get hints; then check or call to the end; the end of input stops.
    let input = "x\nf\n" + String(repeating: "c\n", count: 40)
    let run = try SkepticBinary.run(
      ["play", "--game", "kuhn", "--opponent", "call", "--hands", "5", "--seed", "7"], input: input,
      directory: directory)
    #expect(run.status == 0, "\(run.standardError)")
    let out = run.standardOutput
    #expect(out.contains("'x' is not a move"))
    #expect(out.contains("nothing to fold to"))
    #expect(out.contains("Kuhn poker · hand 5 of 5"))
    #expect(out.contains("after 5 hands:"))
    #expect(out.contains("skeptic play: Kuhn poker against call"))
    let log = try String(contentsOf: directory.appendingPathComponent("skeptic-play/history.log"), encoding: .utf8)
    let states = log.split(separator: "\n").filter { $0.hasPrefix("STATE:") }
    #expect(states.count == 5)
    // Checking and calling against a calling bot: every hand goes to a showdown for 1 chip.
    #expect(states.allSatisfy { $0.contains(":1|-1:") || $0.contains(":-1|1:") })
    let events = try String(contentsOf: directory.appendingPathComponent("skeptic-play/history.jsonl"), encoding: .utf8)
    #expect(events.split(separator: "\n").count == 5)

    // The end of input mid-match ends the session cleanly with its summary.
    let short = try SkepticBinary.run(
      ["play", "--game", "leduc", "--opponent", "call", "--hands", "50", "--history", "short"], input: "c\nc\n",
      directory: directory)
    #expect(short.status == 0)
    #expect(short.standardOutput.contains("skeptic play: Leduc hold'em against call"))

    // The table's words: antes, a bet labelled as one, Kuhn's suitless cards, the review of
    // the hands played (`l`), the blinds posted in hold'em.
    let words = try SkepticBinary.run(
      ["play", "--game", "leduc", "--opponent", "call", "--hands", "2", "--seed", "3", "--history", "words"],
      input: "c\nc\nl\n" + String(repeating: "c\n", count: 6), directory: directory)
    #expect(words.status == 0)
    #expect(words.standardOutput.contains("Round 1: each antes 1"), "\(words.standardOutput)")
    #expect(words.standardOutput.contains("[r] bet 2 (3 in this hand)"), "\(words.standardOutput)")
    #expect(words.standardOutput.contains("the last hand (the first of the session"), "\(words.standardOutput)")
    #expect(out.contains("you: K ") || out.contains("you: Q ") || out.contains("you: J "), "\(out)")
    let holdem = try SkepticBinary.run(
      ["play", "--game", "limit-holdem", "--opponent", "call", "--hands", "1", "--history", "holdem"],
      input: String(repeating: "c\n", count: 8), directory: directory)
    #expect(holdem.standardOutput.contains("posts 5 (SB)") && holdem.standardOutput.contains("post 10 (BB)"))
  }

  @Test func aPersonTakesASeatInARunningArena() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (arena, endpoint, _) = try SkepticBinary.startArena([
      "arena", "--game", "leduc", "--bot", "alice=remote", "--bot", "bot=call", "--hands", "4", "--out",
      directory.appendingPathComponent("match").path,
    ])
    let secret = directory.appendingPathComponent("match/seats/alice.secret").path
    #expect(SkepticBinary.waitForFile(secret))
    let play = try SkepticBinary.run(
      [
        "play", "--connect", endpoint, "--game", "leduc", "--name", "alice", "--secret-file", secret,
      ],
      input: String(repeating: "c\n", count: 40), directory: directory)
    arena.waitUntilExit()
    #expect(play.status == 0, "\(play.standardError)")
    #expect(play.standardOutput.contains("after 4 hands:"))
    let report = try String(contentsOf: directory.appendingPathComponent("match/report.txt"), encoding: .utf8)
    #expect(report.contains("alice vs bot: 4 hands"))
    let views = try String(contentsOf: directory.appendingPathComponent("skeptic-play/history.log"), encoding: .utf8)
    #expect(views.split(separator: "\n").filter { $0.hasPrefix("STATE:") }.count == 4)
  }

  /// At a showdown both hands are named, as a player would say them.
  @Test func aShowdownNamesBothHands() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let play = try SkepticBinary.run(
      ["play", "--game", "leduc", "--opponent", "call", "--hands", "3", "--plain"],
      input: String(repeating: "c\n", count: 12) + "q\n", directory: directory)
    #expect(play.status == 0, "\(play.standardError)")
    let showdowns = play.standardOutput.split(separator: "\n").filter { $0.contains("call shows ") }
    #expect(!showdowns.isEmpty, "\(play.standardOutput)")
    for line in showdowns {
      #expect(line.contains(" high") || line.contains("a pair of"), "\(line)")
      #expect(line.contains("; you: "), "\(line)")
    }
  }

  @Test func badArgumentsAreClear() throws {
    let coach = try SkepticBinary.run(["play", "--game", "kuhn", "--opponent", "call", "--coach"], input: "")
    #expect(coach.status != 0 && coach.standardError.contains("--coach needs --opponent policy:FILE"))
    let game = try SkepticBinary.run(["play", "--game", "kuhn-3p"], input: "")
    #expect(game.status != 0 && game.standardError.contains("two-player games"))
  }
}
