import Foundation
import TestSupport
import Testing

@Suite struct PythonBotTests {
  @Test func thePythonExampleBotPlaysAFullMatch() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let script = root.appendingPathComponent("Examples/python_bot.py").path
    let out = Scratch.path("python")
    defer { try? FileManager.default.removeItem(atPath: out) }
    let arenaOutput = Pipe()
    let (arena, endpoint, _) = try SkepticBinary.startArena(
      [
        "arena", "--game", "leduc", "--bot", "py=remote", "--bot", "rnd=random", "--hands", "300", "--out", out,
        "--json",
      ],
      output: arenaOutput)
    let secret = out + "/seats/py.secret"
    #expect(SkepticBinary.waitForFile(secret))

    let bot = Process()
    bot.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    bot.arguments = [
      "python3", script, "--connect", endpoint, "--name", "py", "--game", "leduc", "--secret-file", secret,
    ]
    let botError = Pipe()
    bot.standardError = botError
    try bot.run()
    let report = arenaOutput.fileHandleForReading.readDataToEndOfFile()
    arena.waitUntilExit()
    bot.waitUntilExit()
    let botSaid = String(decoding: botError.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(arena.terminationStatus == 0)
    #expect(bot.terminationStatus == 0, "\(botSaid)")
    #expect(botSaid.contains("py: 300 hands"))
    let object = try JSONSerialization.jsonObject(with: report) as? [String: Any]
    let pair = (object?["pairs"] as? [[String: Any]])?.first
    #expect(pair?["hands"] as? Int == 300)
    #expect(pair?["stoppedBecause"] == nil)
    #expect((pair?["invalidActions"] as? [Int]) == [0, 0])
  }
}
