import Foundation
import TestSupport
import Testing

/// Drives the full-screen `skeptic play` inside tmux: keys in with `send-keys`, the screen out
/// with `capture-pane`.
@Suite(.serialized) struct PlayTmuxTests {
  final class Session {
    let socket = "skeptic-test-\(UUID().uuidString.prefix(8))"
    let directory: URL

    init(command: String, width: Int = 100, height: Int = 30) throws {
      directory = try Scratch.directory("tmux")
      let shell =
        "cd '\(directory.path)' && LANG=C TERM=xterm-256color '\(SkepticBinary.url.path)' \(command); echo EXITED $?; sleep 60"
      // Not waited for: the tmux server it starts keeps the client's inherited descriptors open,
      // which Foundation would wait on forever. The screen shows when the session is up.
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [
        "tmux", "-L", socket, "new-session", "-d", "-s", "play", "-x", String(width), "-y", String(height), shell,
      ]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      starter = process
    }

    var starter: Process?

    deinit {
      _ = try? tmux(["kill-server"])
      try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    func tmux(_ arguments: [String], output: Pipe? = nil) throws -> Int32 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["tmux", "-L", socket] + arguments
      process.standardOutput = output ?? FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      if let output {
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        lastScreen = String(decoding: data, as: UTF8.self)
      } else {
        process.waitUntilExit()
      }
      return process.terminationStatus
    }

    var lastScreen = ""

    func screen() throws -> String {
      try tmux(["capture-pane", "-p", "-t", "play"], output: Pipe())
      return lastScreen
    }

    /// Waits (up to 15 s) until the screen shows `text`, and returns the screen.
    func wait(for text: String) throws -> String {
      let start = Date()
      while Date().timeIntervalSince(start) < 15 {
        let shown = try screen()
        if shown.contains(text) { return shown }
        Thread.sleep(forTimeInterval: 0.05)
      }
      Issue.record("the screen never showed \"\(text)\"; it shows:\n\(lastScreen)")
      return lastScreen
    }

    func keys(_ keys: String) throws { try tmux(["send-keys", "-t", "play", "-l", keys]) }
    /// A named key such as C-c.
    func press(_ key: String) throws { try tmux(["send-keys", "-t", "play", key]) }
  }

  @Test func ctrlCEndsWithTheSummaryAndStatus130() throws {
    let session = try Session(command: "play --game kuhn --opponent call --hands 3 --seed 5")
    _ = try session.wait(for: "your move")
    try session.press("C-c")
    let shown = try session.wait(for: "EXITED 130")
    #expect(shown.contains("skeptic play: Kuhn poker against call"), "\(shown)")
  }

  @Test func kuhnHandsAgainstACallBotOnTheFullScreen() throws {
    let session = try Session(command: "play --game kuhn --opponent call --hands 3 --seed 5")
    var shown = try session.wait(for: "your move")
    #expect(shown.contains("Kuhn poker · hand 1 of 3"))
    #expect(shown.contains("[c] check"))
    #expect(shown.contains("no hands finished yet"))
    try session.keys("z")
    shown = try session.wait(for: "'z' is not a move")
    // Check (or call) through three hands; each ends at a showdown against a calling bot.
    for hand in 1...3 {
      while true {
        shown = try session.wait(for: "hand \(hand) of 3")
        if shown.contains("press any key") { break }
        try session.keys("c")
        Thread.sleep(forTimeInterval: 0.1)
      }
      #expect(shown.contains("you win 1 chip") || shown.contains("you lose 1 chip"), "\(shown)")
      #expect(shown.contains("call shows ") && !shown.contains("[??]"), "the showdown shows both hands")
      #expect(shown.contains("you check") || shown.contains("call checks"))
      #expect(shown.contains("after \(hand) hand"))
      if hand < 3 { try session.keys("n") }
    }
    try session.keys("n")
    shown = try session.wait(for: "EXITED 0")
    #expect(shown.contains("skeptic play: Kuhn poker against call"))
    #expect(shown.contains("after 3 hands:"))
    let log = try String(
      contentsOf: session.directory.appendingPathComponent("skeptic-play/history.log"), encoding: .utf8)
    #expect(log.split(separator: "\n").filter { $0.hasPrefix("STATE:") }.count == 3)
  }

  @Test func leducRaisesHelpResizeAndQuit() throws {
    let session = try Session(command: "play --game leduc --opponent call --hands 20 --seed 2")
    var shown = try session.wait(for: "your move")
    #expect(shown.contains("Leduc hold'em · hand 1 of 20"))
    try session.keys("?")
    shown = try session.wait(for: "q quit with a summary")
    try session.keys("r")
    shown = try session.wait(for: "you bet 2, call calls 2")
    #expect(shown.contains("board  ["))
    // A smaller window: the screen is redrawn to fit it.
    try session.tmux(["resize-window", "-t", "play", "-x", "50", "-y", "16"])
    Thread.sleep(forTimeInterval: 0.5)
    shown = try session.wait(for: "your move")
    #expect(shown.split(separator: "\n").allSatisfy { $0.count <= 50 })
    try session.keys("r")
    shown = try session.wait(for: "press any key")
    #expect(shown.contains("you win") || shown.contains("you lose") || shown.contains("split pot"))
    try session.keys("n")
    // A second and third hand, checking and calling to the showdown.
    for hand in 2...3 {
      while true {
        shown = try session.wait(for: "hand \(hand) of 20")
        if shown.contains("press any key") { break }
        try session.keys("c")
        Thread.sleep(forTimeInterval: 0.1)
      }
      #expect(shown.contains("call shows ") || shown.contains("you win") || shown.contains("you lose"), "\(shown)")
      #expect(shown.contains("after \(hand) hands"))
      try session.keys("n")
    }
    _ = try session.wait(for: "hand 4 of 20")
    try session.keys("q")
    shown = try session.wait(for: "EXITED 0")
    #expect(shown.contains("skeptic play: Leduc hold'em against call"))
    #expect(shown.contains("after 3 hands:"))
  }
}
