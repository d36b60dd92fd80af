import Foundation
import Testing

@Suite struct PythonBotTests {
  @Test func thePythonExampleBotPlaysAFullMatch() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let script = root.appendingPathComponent("Examples/python_bot.py").path
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("skeptic-python-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let port = 20_000 + Int.random(in: 0..<30_000)
    let endpoint = "tcp://127.0.0.1:\(port)"

    let arena = Process()
    arena.executableURL = SkepticBinary.url
    arena.arguments = [
      "arena", "--game", "leduc", "--bot", "py=remote", "--bot", "rnd=random", "--hands", "300", "--listen", endpoint,
      "--out", out, "--json",
    ]
    let arenaOutput = Pipe()
    arena.standardOutput = arenaOutput
    arena.standardError = FileHandle.nullDevice
    try arena.run()
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
