import Basics
import BotProtocol
import Testing

@Suite struct MessageTests {
  @Test func everyMessageRoundTrips() throws {
    let messages: [Message] = [
      .hello(.init(name: "alice", game: "leduc")),
      .welcome(
        .init(protocolVersion: 1, gameDefinition: "GAMEDEF\nlimit\nEND GAMEDEF\n", hands: 100, actionTimeMs: 10_000)),
      .refused(.init(reason: "protocol 7 is not spoken; this arena speaks 1")),
      .decide(
        .init(
          id: 7, hand: 3, matchState: "MATCHSTATE:0:3:r:2c|", seat: 0,
          legal: .init(fold: true, call: 2, raise: [5, 5]),
          pot: 5, stacks: [97, 99], timeLeftMs: 9_000)),
      .act(.init(id: 7, action: "c")),
      .handEnd(.init(hand: 3, matchState: "MATCHSTATE:0:3:rc/cc:2c|3d/4c", seat: 0, payoffs: [-3, 3])),
      .matchEnd(.init(reason: "all hands played")),
      .notes(.init(lines: ["hand 12: switched to exploiting"])),
      .leave(.init(reason: "left the match")),
    ]
    for message in messages {
      #expect(try Message.decode(message.encoded()) == message)
    }
  }

  @Test func unknownFieldsAreIgnoredAndMistakesNamed() throws {
    let extra = Array(#"{"type":"act","id":3,"action":"r","comment":"from the future","confidence":0.9}"#.utf8)
    #expect(try Message.decode(extra) == .act(.init(id: 3, action: "r")))
    #expect(throws: ProtocolError("unknown message type \"dance\"")) {
      try Message.decode(Array(#"{"type":"dance"}"#.utf8))
    }
    #expect(throws: ProtocolError("a \"act\" message needs the field \"action\"")) {
      try Message.decode(Array(#"{"type":"act","id":1}"#.utf8))
    }
    #expect(throws: ProtocolError.self) { try Message.decode(Array("garbage".utf8)) }
    #expect(throws: ProtocolError("the message has no \"type\" field")) { try Message.decode(Array("{}".utf8)) }
  }

  @Test func inFlightDefaultsToOneForBotsThatDoNotSayIt() throws {
    let hello = try Message.decode(Array(#"{"type":"hello","name":"py","protocols":[1],"game":"leduc"}"#.utf8))
    #expect(hello == .hello(.init(name: "py", game: "leduc", inFlight: 1)))
    #expect(throws: ProtocolError("in a \"hello\" message, \"inFlight\" has the wrong type (expected an integer)")) {
      try Message.decode(Array(#"{"type":"hello","name":"py","protocols":[1],"game":"leduc","inFlight":"many"}"#.utf8))
    }
  }

  @Test func encodingIsStableBytes() {
    let message = Message.act(.init(id: 1, action: "c"))
    #expect(String(decoding: message.encoded(), as: UTF8.self) == #"{"action":"c","id":1,"type":"act"}"#)
  }

  @Test func theWriterEscapesWhatJSONNeedsAndCopiesTheRest() throws {
    let lines = ["plain", "say \"hi\"", "back\\slash", "tab\tnew\nline\r", "bell\u{7}", "é ♠ 🂡", ""]
    let message = Message.notes(.init(lines: lines))
    #expect(
      String(decoding: message.encoded(), as: UTF8.self)
        == #"{"lines":["plain","say \"hi\"","back\\slash","tab\tnew\nline\r","bell\u0007","é ♠ 🂡",""],"type":"notes"}"#)
    #expect(try Message.decode(message.encoded()) == message)
    var writer = JSONWriter()
    writer.beginArray()
    writer.string(utf8: Array("a\"b".utf8))
    writer.string(utf8: "x".utf8)
    writer.endArray()
    #expect(String(decoding: writer.bytes, as: UTF8.self) == #"["a\"b","x"]"#)
  }
}
