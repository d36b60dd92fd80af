import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct ArenaChaosTests {
  @Test func misbehavingBotsForfeitWithTheReasonAndTheArenaGoesOn() throws {
    let out = Scratch.path("chaos")
    defer { try? FileManager.default.removeItem(atPath: out) }
    let arena = try SkepticBinary.run([
      "arena", "--game", "leduc", "--bot", "garbage=garbage", "--bot", "sleeper=sleep:1500", "--bot", "quitter=exit:5",
      "--bot", "rnd=random", "--bot", "caller=call", "--hands", "60", "--action-time", "300", "--max-invalid", "10",
      "--out", out, "--json",
    ])
    // quitter's process died: the report is written, and the exit status says so.
    #expect(arena.status == 2, "\(arena.standardError)")
    #expect(arena.standardError.contains("quitter died or never connected"))
    let report = try JSONSerialization.jsonObject(with: Data(arena.standardOutput.utf8)) as? [String: Any]
    let pairs = try #require(report?["pairs"] as? [[String: Any]])
    #expect(pairs.count == 10)
    func pair(_ a: String, _ b: String) -> [String: Any]? {
      pairs.first { ($0["first"] as? String == a && $0["second"] as? String == b) }
    }
    let garbage = try #require(pair("garbage", "rnd"))
    #expect((garbage["stoppedBecause"] as? String ?? "").contains("invalid actions"))
    let sleeper = try #require(pair("sleeper", "rnd"))
    #expect((sleeper["stoppedBecause"] as? String ?? "").contains("timed out"))
    let quitter = try #require(pair("quitter", "caller"))
    #expect((quitter["stoppedBecause"] as? String ?? "").contains("disconnected"))
    // A forfeit ends only its pair: each of quitter's pairs starts a fresh process, which plays
    // up to its fifth decision (past hand 0) before quitting again.
    for other in ["rnd", "caller"] {
      let played = try #require(pair("quitter", other) ?? pair(other, "quitter"))
      let reason = played["stoppedBecause"] as? String ?? ""
      #expect(reason.contains("quitter disconnected") && !reason.contains("in hand 0"), "\(other): \(reason)")
    }
    let fair = try #require(pair("rnd", "caller"))
    #expect(fair["hands"] as? Int == 60 && fair["stoppedBecause"] == nil)
    // Every hand played was logged, forfeited ones included.
    let log = try String(contentsOfFile: out + "/match.log", encoding: .utf8)
    let logged = log.split(separator: "\n").filter { $0.hasPrefix("STATE:") }.count
    #expect(logged == pairs.reduce(0) { $0 + ($1["hands"] as? Int ?? 0) })
  }

  @Test func aRecordingBotNeverSeesAHiddenCard() throws {
    let directory = try Scratch.directory("record")
    defer { try? FileManager.default.removeItem(at: directory) }
    let recording = directory.appendingPathComponent("seen.txt").path
    let arena = try SkepticBinary.run([
      "arena", "--game", "leduc", "--bot", "spy=record:\(recording)", "--bot", "rnd=random", "--hands", "400", "--out",
      directory.appendingPathComponent("match").path,
    ])
    #expect(arena.status == 0, "\(arena.standardError)")
    let lines = try String(contentsOfFile: recording, encoding: .utf8).split(separator: "\n")
    #expect(lines.count > 400)
    for line in lines {
      let parts = line.split(separator: " ")
      let fields = parts[1].split(separator: ":", omittingEmptySubsequences: false)
      let position = Int(fields[1])!
      let holes = fields[4].split(separator: "/", omittingEmptySubsequences: false)[0].split(
        separator: "|", omittingEmptySubsequences: false)
      let other = holes[1 - position]
      if parts[0] == "decide" {
        #expect(other.isEmpty, "a decision showed the other seat's cards: \(line)")
      } else {
        let folded = fields[3].contains("f")
        #expect(other.isEmpty == folded, "\(line)")
      }
    }
  }
}
