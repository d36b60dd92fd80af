import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct ArenaResumeTests {
  @Test func aKilledMatchResumesWithEveryHandCountedOnce() throws {
    let directory = try Scratch.directory("resume")
    defer { try? FileManager.default.removeItem(at: directory) }
    let straight = directory.appendingPathComponent("straight").path
    let killed = directory.appendingPathComponent("killed").path
    let common = [
      "arena", "--game", "leduc", "--bot", "a=random", "--bot", "b=random", "--hands", "30000", "--seed", "2",
    ]
    let full = try SkepticBinary.run(common + ["--out", straight])
    #expect(full.status == 0, "\(full.standardError)")

    let process = Process()
    process.executableURL = SkepticBinary.url
    process.arguments = common + ["--out", killed]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Kill it mid-match: once some hands are logged (the match runs at thousands of hands a second).
    let started = Date()
    while Date().timeIntervalSince(started) < 30 {
      let text = (try? String(contentsOfFile: killed + "/match.log", encoding: .utf8)) ?? ""
      if text.utf8.count > 5_000 { break }
      Thread.sleep(forTimeInterval: 0.002)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    // The bots the killed arena launched notice nothing more is coming and give up; resuming
    // launches new ones.
    let partial = try String(contentsOfFile: killed + "/match.log", encoding: .utf8).split(separator: "\n").count - 1
    #expect(partial > 0 && partial < 30000, "the kill came after \(partial) hands")

    let resumed = try SkepticBinary.run(["arena", "--resume", killed])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    let log = try String(contentsOfFile: killed + "/match.log", encoding: .utf8)
    let hands = log.split(separator: "\n").filter { $0.hasPrefix("STATE:") }.map { $0.split(separator: ":")[1] }
    #expect(hands.count == 30000)
    #expect(
      hands.elementsEqual((0..<30000).map { Substring(String($0)) }), "hands are missing, repeated or out of order")
    let uninterrupted = try String(contentsOfFile: straight + "/match.log", encoding: .utf8)
    #expect(
      log.count == uninterrupted.count && log == uninterrupted, "the resumed log differs from an uninterrupted run's")
    // hands.csv is rebuilt from the recovered hands, so it too equals the uninterrupted run's.
    let table = try String(contentsOfFile: killed + "/hands.csv", encoding: .utf8)
    #expect(table == (try String(contentsOfFile: straight + "/hands.csv", encoding: .utf8)))
    #expect(table.split(separator: "\n").count == 30001)
    let fresh = try SkepticBinary.run(common + ["--out", killed])
    #expect(fresh.status != 0 && fresh.standardError.contains("already holds a match"))
  }
}
