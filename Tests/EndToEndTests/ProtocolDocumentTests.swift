import Arena
import BotProtocol
import Foundation
import PokerRules
import TestSupport
import Testing
import ZeroMQ

/// docs/PROTOCOL.md's example exchange is what the arena and the reference bot really send, byte
/// for byte, and a bot written from the document alone (the Python example) plays it.
@Suite(.serialized) struct ProtocolDocumentTests {
  /// The seat's secret in the example (an arena makes a random one per seat).
  static let secret = "5f0c9a3e7b2d41e8a6c4f19b08d3e27a"
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The example's lines as (who sends, JSON text).
  func documentedExchange() throws -> [(sender: String, json: String)] {
    let text = try String(
      contentsOf: ProtocolDocumentTests.root.appendingPathComponent("docs/PROTOCOL.md"), encoding: .utf8)
    let section = try #require(text.range(of: "## Example exchange"))
    let block = text[section.upperBound...].split(separator: "```", omittingEmptySubsequences: false)[1]
    return block.split(separator: "\n").compactMap { line in
      guard let arrow = line.range(of: " → ") else { return nil }
      return (line[..<arrow.lowerBound].trimmingCharacters(in: .whitespaces), String(line[arrow.upperBound...]))
    }
  }

  /// The same exchange, made by the code: `alice` (player 0, seat 0 in hand 2) raises and then
  /// checks; `bob` calls and checks; the hand goes to a showdown.
  func realExchange() throws -> [(sender: String, json: String)] {
    let game = BundledGame.leduc.definition
    let hello = Message.hello(.init(name: "alice", game: "leduc", secret: ProtocolDocumentTests.secret))
    var lines: [(String, [UInt8])] = [("bot", hello.encoded())]
    lines.append(
      (
        "arena",
        Message.welcome(
          .init(
            protocolVersion: 1, gameDefinition: game.text, hands: 1000, actionTimeMs: 10_000, inFlight: 1,
            handTimeMs: 60_000)
        ).encoded()
      ))
    let referee = Referee(game: game, schedule: DealSchedule(seed: 1, duplicate: false, players: 2))
    var play = HandInPlay(referee: referee, hand: 2)
    var answers = ["r", "c", "c", "c"][...]
    while var request = play.pending, let player = play.pendingPlayer {
      let answer = answers.popFirst()!
      if player == 0 {
        request.opponent = "bob"
        lines.append(("arena", Message.decide(request).encoded()))
        lines.append(("bot", Message.act(.init(id: request.id, action: answer)).encoded()))
      }
      play.answer(.action(answer), elapsedMs: 0)
    }
    for (player, end) in play.endings() where player == 0 { lines.append(("arena", Message.handEnd(end).encoded())) }
    lines.append(("arena", Message.matchEnd(.init(reason: "match over")).encoded()))
    return lines.map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }
  }

  @Test func theExampleIsWhatTheCodeSends() throws {
    let documented = try documentedExchange()
    let real = try realExchange()
    #expect(documented.count == real.count, "\(real.map { "\($0.sender) → \($0.json)" }.joined(separator: "\n"))")
    for (doc, code) in zip(documented, real) {
      #expect(doc.sender == code.sender)
      #expect(doc.json == code.json, "the document says\n\(doc.json)\nthe code sends\n\(code.json)")
    }
  }

  /// The Python bot, written from the document alone, is sent the example's arena lines byte for
  /// byte and answers each decision with its id.
  @Test func aBotWrittenFromTheDocumentPlaysTheExample() throws {
    let exchange = try documentedExchange()
    let context = try Context()
    let router = try Socket(context, kind: .router)
    let endpoint = try router.bind("tcp://127.0.0.1:*")
    let secretFile = URL(fileURLWithPath: Scratch.path("alice.secret"))
    try Data((ProtocolDocumentTests.secret + "\n").utf8).write(to: secretFile)
    defer { try? FileManager.default.removeItem(at: secretFile) }
    let bot = Process()
    bot.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    bot.arguments = [
      "python3", ProtocolDocumentTests.root.appendingPathComponent("Examples/python_bot.py").path, "--connect",
      endpoint, "--name", "alice", "--game", "leduc", "--secret-file", secretFile.path,
    ]
    let said = Pipe()
    bot.standardError = said
    try bot.run()
    var identity: [UInt8] = []
    for (sender, json) in exchange {
      if sender == "arena" {
        try router.send([identity, Array(json.utf8)])
        continue
      }
      guard try Poller.poll([(router, .readable)], timeout: 10_000) == [.readable] else {
        Issue.record("the bot said nothing where the document has \(json)")
        break
      }
      let frames = try router.receive()
      identity = frames[0]
      let expected = try Message.decode(Array(json.utf8))
      let answer = try Message.decode(frames.last!)
      switch (expected, answer) {
      case (.hello(let want), .hello(let got)):
        #expect(want.name == got.name && want.game == got.game && got.protocols.contains(1))
        #expect(got.secret == want.secret)
      case (.act(let want), .act(let got)):
        #expect(want.id == got.id, "the bot must echo the decision's id")
        #expect(["f", "c", "r"].contains(got.action))
      default:
        Issue.record("expected \(json), the bot sent \(String(decoding: frames.last!, as: UTF8.self))")
      }
    }
    bot.waitUntilExit()
    #expect(bot.terminationStatus == 0)
    let output = String(decoding: said.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(output.contains("alice: 1 hands"), "\(output)")
  }
}
