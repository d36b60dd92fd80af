import BotProtocol
import Foundation
import Testing
import ZeroMQ

/// The arena's record can be trusted: seats belong to the bots the arena started, duplicate
/// halves are played by processes that never see the other half, bots do not outlive the arena,
/// and a resumed report starts from the logs.
@Suite(.serialized) struct ArenaIntegrityTests {
  func temporaryDirectory() throws -> URL { try SkepticBinary.temporaryDirectory("integrity") }

  /// Starts the skeptic binary without waiting for it.
  func start(_ arguments: [String]) throws -> (Process, Pipe) {
    let process = Process()
    process.executableURL = SkepticBinary.url
    process.arguments = arguments
    let err = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = err
    try process.run()
    return (process, err)
  }

  /// The processes whose parent is `parent` (from /proc).
  func children(of parent: Int32) -> [Int32] {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { entry -> Int32? in
      guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
      else { return nil }
      let fields = stat[stat.index(after: close)...].split(separator: " ")
      return fields.count > 2 && Int32(fields[1]) == parent ? pid : nil
    }
  }

  /// Whether `pid` is running (a zombie waiting to be reaped counts as gone).
  func isRunning(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
  }

  @Test func duplicateHalvesArePlayedByProcessesThatNeverSeeTheOtherHalf() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let recording = directory.appendingPathComponent("seen.txt").path
    let arena = try SkepticBinary.run([
      "arena", "--game", "leduc", "--duplicate", "--bot", "spy=record:\(recording)", "--bot", "rnd=random", "--hands",
      "300", "--out", directory.appendingPathComponent("match").path,
    ])
    #expect(arena.status == 0, "\(arena.standardError)")
    var handsByProcess: [String: Set<Int>] = [:]
    for line in try String(contentsOfFile: recording, encoding: .utf8).split(separator: "\n") {
      let parts = line.split(separator: " ")
      let hand = Int(parts[1].split(separator: ":")[2])!
      handsByProcess[String(parts[2]), default: []].insert(hand)
    }
    #expect(handsByProcess.count == 2, "one process per half")
    for hands in handsByProcess.values {
      #expect(Set(hands.map { $0 % 2 }).count == 1, "a process saw both deals of a duplicate pair")
    }
    #expect(handsByProcess.values.reduce(0) { $0 + $1.count } == 300)
  }

  @Test func aStrangerCannotTakeALocalBotsSeat() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("match").path
    let (arena, endpoint, _) = try SkepticBinary.startArena([
      "arena", "--game", "leduc", "--bot", "a=call", "--bot", "b=random", "--hands", "5000", "--in-flight", "1",
      "--out", out,
    ])
    let context = try Context()
    let stranger = try Socket(context, kind: .dealer)
    try stranger.connect(endpoint)
    try stranger.send([Message.hello(.init(name: "a", game: "leduc", inFlight: 256)).encoded()])
    #expect(try Poller.poll([(stranger, .readable)], timeout: 10_000) == [.readable])
    guard case .refused(let refused) = try Message.decode(try stranger.receive().last!) else {
      Issue.record("the stranger was not refused")
      return
    }
    #expect(refused.reason.contains("held for a bot this arena started"), "\(refused.reason)")
    arena.waitUntilExit()
    #expect(arena.terminationStatus == 0)
    let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/report.json")))
    let object = try #require(report as? [String: Any])
    let pair = try #require((object["pairs"] as? [[String: Any]])?.first)
    #expect(pair["hands"] as? Int == 5000 && pair["stoppedBecause"] == nil)
    #expect((object["refusals"] as? [String] ?? []).contains { $0.contains("held for a bot this arena started") })
  }

  @Test func botsTheArenaStartedExitWhenItIsKilled() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (arena, _) = try start([
      "arena", "--game", "leduc", "--bot", "a=call", "--bot", "b=random", "--hands", "100000000", "--in-flight", "1",
      "--out", directory.appendingPathComponent("match").path,
    ])
    var bots: [Int32] = []
    for _ in 0..<100 where bots.count < 2 {
      Thread.sleep(forTimeInterval: 0.1)
      bots = children(of: arena.processIdentifier)
    }
    #expect(bots.count == 2)
    kill(arena.processIdentifier, SIGKILL)
    arena.waitUntilExit()
    let killed = Date()
    while bots.contains(where: isRunning), Date().timeIntervalSince(killed) < 5 { Thread.sleep(forTimeInterval: 0.05) }
    #expect(!bots.contains(where: isRunning), "bots outlived the arena")
    for bot in bots where isRunning(bot) { kill(bot, SIGKILL) }
  }

  @Test func theAddressIsAnnouncedAndAResumedReportStartsFromTheLogs() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("match").path
    let (arena, endpoint, announced) = try SkepticBinary.startArena([
      "arena", "--game", "leduc", "--bot", "py=remote", "--bot", "c=call", "--hands", "100000000", "--out", out,
    ])
    #expect(SkepticBinary.waitForFile(out + "/seats/py.secret"))
    let (bot, _) = try start([
      "bot", "--agent", "random", "--name", "py", "--game", "leduc", "--connect", endpoint, "--secret-file",
      out + "/seats/py.secret",
    ])
    // Let some hands be logged, then kill both.
    let log = out + "/match.log"
    let begun = Date()
    while Date().timeIntervalSince(begun) < 20,
      ((try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").count ?? 0) < 600
    {
      Thread.sleep(forTimeInterval: 0.1)
    }
    kill(arena.processIdentifier, SIGKILL)
    kill(bot.processIdentifier, SIGKILL)
    arena.waitUntilExit()
    bot.waitUntilExit()
    #expect(announced.contains("arena at \(endpoint): waiting 30 s for py"), "\(announced)")
    #expect(announced.contains("secret is in \(out)/seats/NAME.secret"), "\(announced)")
    func stateLines() throws -> Int {
      try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("STATE:") }.count
    }
    #expect(try stateLines() >= 500)
    // The kill can fall between the writes of one flush: events.jsonl, written first and recovered
    // from, may then be ahead of match.log, and its last line may be cut off.
    let logged = try String(contentsOfFile: out + "/events.jsonl", encoding: .utf8).split(separator: "\n").count

    // Resumed with nobody at py's seat: the report starts from the hands the logs hold.
    let resumed = try SkepticBinary.run(["arena", "--resume", out, "--wait-for-bots", "1", "--json"])
    // A seat nobody took makes the exit status 2, after the report is written.
    #expect(resumed.status == 2, "\(resumed.standardError)")
    #expect(resumed.standardError.contains("py died or never connected"))
    let report = try JSONSerialization.jsonObject(with: Data(resumed.standardOutput.utf8)) as? [String: Any]
    let pair = try #require((report?["pairs"] as? [[String: Any]])?.first)
    let hands = try #require(pair["hands"] as? Int)
    #expect(hands >= logged - 1 && hands <= logged, "the report counts \(hands) of \(logged) logged hands")
    #expect(try stateLines() == hands, "match.log is rewritten to hold the recovered hands")
    #expect((pair["stoppedBecause"] as? String ?? "").contains("py never connected"))
    let plain = try SkepticBinary.run(["arena", "--resume", out, "--wait-for-bots", "1"])
    #expect(plain.standardOutput.contains("logs and report in \(out)/"), "\(plain.standardOutput)")
  }
}
