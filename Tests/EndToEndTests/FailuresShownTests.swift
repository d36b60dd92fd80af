import Foundation
import Testing

/// What a user sees when something is wrong: a clear error at once, never a long wait, a silent
/// success or work thrown away.
@Suite struct FailuresShownTests {
  func temporaryDirectory() throws -> URL { try SkepticBinary.temporaryDirectory("failures") }

  func kuhnPolicy(_ directory: URL) throws -> String {
    let path = directory.appendingPathComponent("kuhn.policy").path
    let train = try SkepticBinary.run(["train", "--game", "kuhn", "--iterations", "50", "--out", path])
    #expect(train.status == 0, "\(train.standardError)")
    return path
  }

  @Test func theArenaChecksEveryBotBeforeStarting() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("match").path
    let unknown = try SkepticBinary.run(["arena", "--bot", "a=nosuch", "--bot", "b=call", "--out", out])
    #expect(unknown.status != 0 && unknown.standardError.contains("--bot a=nosuch: unknown agent"))
    let missing = try SkepticBinary.run([
      "arena", "--bot", "a=policy:/nonexistent.policy", "--bot", "b=call", "--out", out,
    ])
    #expect(missing.status != 0 && missing.standardError.contains("--bot a=policy:/nonexistent.policy"))
    let kuhn = try kuhnPolicy(directory)
    let other = try SkepticBinary.run(["arena", "--game", "leduc", "--bot", "a=policy:\(kuhn)", "--bot", "b=call"])
    #expect(other.status != 0 && other.standardError.contains("a policy for another game"), "\(other.standardError)")
    // No waiting for bots that cannot start: refused before anything listens or is written.
    for refused in [unknown, missing, other] { #expect(!refused.standardError.contains("arena at tcp://")) }
    #expect(!FileManager.default.fileExists(atPath: out), "nothing started")
    let open = try SkepticBinary.run(["arena", "--bot", "a=call", "--bot", "b=call", "--listen", "tcp://0.0.0.0:5555"])
    #expect(open.status != 0 && open.standardError.contains("--allow-network"))
  }

  @Test func botAndPlayRefuseAPolicyForAnotherGame() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let kuhn = try kuhnPolicy(directory)
    let bot = try SkepticBinary.run([
      "bot", "--agent", "policy:\(kuhn)", "--game", "leduc", "--connect", "tcp://127.0.0.1:1",
    ])
    #expect(bot.status != 0 && bot.standardError.contains("a policy for another game"), "\(bot.standardError)")
    let play = try SkepticBinary.run(
      ["play", "--game", "leduc", "--opponent", "policy:\(kuhn)", "--plain"], input: "", directory: directory)
    #expect(play.status != 0 && play.standardError.contains("a policy for another game"), "\(play.standardError)")
  }

  @Test func aBotWithNoArenaSaysItIsWaitingAndGivesUp() throws {
    let bot = try SkepticBinary.run([
      "bot", "--agent", "call", "--game", "leduc", "--connect", "tcp://127.0.0.1:9", "--timeout", "3",
    ])
    #expect(bot.status != 0)
    #expect(bot.standardError.contains("waiting for the arena at tcp://127.0.0.1:9"), "\(bot.standardError)")
    #expect(bot.standardError.contains("no arena answered at tcp://127.0.0.1:9 within 3 s"), "\(bot.standardError)")
  }

  @Test func trainingChecksItsArgumentsAndPathsFirst() throws {
    let negative = try SkepticBinary.run(["train", "--game", "leduc", "--iterations", "-5", "--out", "/tmp/x.policy"])
    #expect(negative.status != 0 && negative.standardError.contains("--iterations must be positive"))
    let nowhere = try SkepticBinary.run([
      "train", "--game", "leduc", "--iterations", "100000000", "--out", "/missing/dir/x.policy",
    ])
    #expect(nowhere.status != 0 && nowhere.standardError.contains("the folder /missing/dir does not exist"))
    #expect(!nowhere.standardError.contains("iteration "), "refused before training")
    let hands = try SkepticBinary.run(["arena", "--bot", "a=call", "--bot", "b=call", "--hands", "-3"])
    #expect(hands.status != 0 && hands.standardError.contains("--hands must be positive"))
  }
}
