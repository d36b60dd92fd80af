import Basics

/// Why a frame could not be read as a message.
public struct ProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension Message {
  /// The message as one compact JSON frame, keys sorted, so the same message gives the same bytes.
  public func encoded() -> [UInt8] {
    var out = JSONWriter()
    out.beginObject()
    switch self {
    case .hello(let hello):
      out.field("game", hello.game)
      out.field("inFlight", hello.inFlight)
      out.field("name", hello.name)
      out.field("protocols", hello.protocols)
      if let secret = hello.secret { out.field("secret", secret) }
      out.type("hello")
    case .welcome(let welcome):
      out.field("actionTimeMs", welcome.actionTimeMs)
      out.field("gameDefinition", welcome.gameDefinition)
      out.field("hands", welcome.hands)
      if let handTime = welcome.handTimeMs { out.field("handTimeMs", handTime) }
      out.field("inFlight", welcome.inFlight)
      out.field("protocolVersion", welcome.protocolVersion)
      out.type("welcome")
    case .refused(let refused):
      out.field("protocols", refused.protocols)
      out.field("reason", refused.reason)
      out.type("refused")
    case .decide(let decide):
      out.field("hand", decide.hand)
      out.field("id", decide.id)
      out.key(literal: "legal")
      out.beginObject()
      out.field("call", decide.legal.call)
      out.field("fold", decide.legal.fold)
      if let raise = decide.legal.raise {
        out.field("raise", raise)
      }
      out.endObject()
      out.field("matchState", decide.matchState)
      if let opponent = decide.opponent { out.field("opponent", opponent) }
      out.field("pot", decide.pot)
      out.field("seat", decide.seat)
      out.field("stacks", decide.stacks)
      out.field("timeLeftMs", decide.timeLeftMs)
      out.type("decide")
    case .act(let act):
      out.field("action", act.action)
      out.field("id", act.id)
      out.type("act")
    case .handEnd(let end):
      out.field("hand", end.hand)
      out.field("matchState", end.matchState)
      out.key(literal: "payoffs")
      out.beginArray()
      for payoff in end.payoffs { out.double(payoff) }
      out.endArray()
      out.field("seat", end.seat)
      out.type("handEnd")
    case .matchEnd(let end):
      out.field("reason", end.reason)
      out.type("matchEnd")
    case .leave(let leave):
      out.field("reason", leave.reason)
      out.type("leave")
    case .notes(let notes):
      out.key(literal: "lines")
      out.beginArray()
      for line in notes.lines { out.string(line) }
      out.endArray()
      out.type("notes")
    }
    out.endObject()
    return out.bytes
  }

  /// Reads a frame; unknown fields are ignored, an unknown type or a missing field is an error
  /// that says which.
  public static func decode(_ frame: [UInt8]) throws(ProtocolError) -> Message {
    let value: JSONValue
    do { value = try JSONValue(parsing: frame) } catch {
      throw ProtocolError("not a JSON object (\(error)): \(String(decoding: frame.prefix(80), as: UTF8.self))")
    }
    guard case .object = value else {
      throw ProtocolError("not a JSON object: \(String(decoding: frame.prefix(80), as: UTF8.self))")
    }
    guard case .string(let type)? = value["type"] else { throw ProtocolError("the message has no \"type\" field") }
    let message: Message?
    do { message = try decode(type: type, JSONFields(value, noun: "message", name: type)) } catch {
      throw ProtocolError(error.message)
    }
    guard let message else { throw ProtocolError("unknown message type \"\(type)\"") }
    return message
  }

  /// The message of a known type from its fields; nil for an unknown type.
  private static func decode(type: String, _ fields: JSONFields) throws(BasicsError) -> Message? {
    switch type {
    case "hello":
      var hello = Hello(
        name: try fields.string("name"), protocols: try fields.ints("protocols"), game: try fields.string("game"))
      hello.inFlight = try fields.optionalInt("inFlight") ?? 1
      hello.secret = try fields.optionalString("secret")
      return .hello(hello)
    case "welcome":
      var welcome = Welcome(
        protocolVersion: try fields.int("protocolVersion"), gameDefinition: try fields.string("gameDefinition"),
        hands: try fields.int("hands"), actionTimeMs: try fields.int("actionTimeMs"))
      welcome.inFlight = try fields.optionalInt("inFlight") ?? 1
      welcome.handTimeMs = try fields.optionalInt("handTimeMs")
      return .welcome(welcome)
    case "refused":
      return .refused(.init(reason: try fields.string("reason"), protocols: try fields.ints("protocols")))
    case "decide":
      let legal = try fields.nested("legal")
      return .decide(
        .init(
          id: try fields.int("id"), hand: try fields.int("hand"), matchState: try fields.string("matchState"),
          seat: try fields.int("seat"),
          legal: .init(
            fold: try legal.bool("fold"), call: try legal.int("call"), raise: try legal.optionalInts("raise")),
          pot: try fields.int("pot"), stacks: try fields.ints("stacks"), timeLeftMs: try fields.int("timeLeftMs"),
          opponent: try fields.optionalString("opponent")))
    case "act":
      return .act(.init(id: try fields.int("id"), action: try fields.string("action")))
    case "handEnd":
      return .handEnd(
        .init(
          hand: try fields.int("hand"), matchState: try fields.string("matchState"), seat: try fields.int("seat"),
          payoffs: try fields.doubles("payoffs")))
    case "matchEnd":
      return .matchEnd(.init(reason: try fields.string("reason")))
    case "leave":
      return .leave(.init(reason: try fields.string("reason")))
    case "notes":
      return .notes(.init(lines: try fields.strings("lines")))
    default:
      return nil
    }
  }
}

extension JSONWriter {
  fileprivate mutating func field(_ name: StaticString, _ value: Int) {
    key(literal: name)
    int(value)
  }

  fileprivate mutating func field(_ name: StaticString, _ value: String) {
    key(literal: name)
    string(value)
  }

  fileprivate mutating func field(_ name: StaticString, _ value: Bool) {
    key(literal: name)
    bool(value)
  }

  fileprivate mutating func field(_ name: StaticString, _ values: [Int]) {
    key(literal: name)
    beginArray()
    for value in values { int(value) }
    endArray()
  }

  fileprivate mutating func type(_ name: StaticString) {
    key(literal: "type")
    string(literal: name)
  }
}
