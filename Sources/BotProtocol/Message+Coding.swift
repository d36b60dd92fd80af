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
    let fields = Fields(type: type, object: value)
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
      guard let legalValue = value["legal"] else {
        throw ProtocolError("a \"decide\" message needs the field \"legal\"")
      }
      let legal = Fields(type: type, object: legalValue, path: "legal.")
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
      throw ProtocolError("unknown message type \"\(type)\"")
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

/// Typed access to a message's fields, with errors naming the message type and the field.
private struct Fields {
  let type: String
  let object: JSONValue
  var path = ""

  func missing(_ key: String) -> ProtocolError {
    ProtocolError("a \"\(type)\" message needs the field \"\(path)\(key)\"")
  }

  func wrong(_ key: String, _ expected: String) -> ProtocolError {
    ProtocolError("in a \"\(type)\" message, \"\(path)\(key)\" has the wrong type (expected \(expected))")
  }

  static func integer(_ value: JSONValue) -> Int? {
    switch value {
    case .int(let number): return number
    case .double(let number) where number == number.rounded() && abs(number) < 1e15: return Int(number)
    default: return nil
    }
  }

  func optionalInt(_ key: String) throws(ProtocolError) -> Int? {
    guard let value = object[key], value != .null else { return nil }
    guard let number = Fields.integer(value) else { throw wrong(key, "an integer") }
    return number
  }

  func int(_ key: String) throws(ProtocolError) -> Int {
    guard let number = try optionalInt(key) else { throw missing(key) }
    return number
  }

  func string(_ key: String) throws(ProtocolError) -> String {
    guard let text = try optionalString(key) else { throw missing(key) }
    return text
  }

  func optionalString(_ key: String) throws(ProtocolError) -> String? {
    guard let value = object[key], value != .null else { return nil }
    guard case .string(let text) = value else { throw wrong(key, "a string") }
    return text
  }

  func bool(_ key: String) throws(ProtocolError) -> Bool {
    guard let value = object[key] else { throw missing(key) }
    guard case .bool(let flag) = value else { throw wrong(key, "true or false") }
    return flag
  }

  func array(_ key: String) throws(ProtocolError) -> [JSONValue] {
    guard let value = object[key] else { throw missing(key) }
    guard case .array(let values) = value else { throw wrong(key, "an array") }
    return values
  }

  func ints(_ key: String) throws(ProtocolError) -> [Int] {
    var result: [Int] = []
    for element in try array(key) {
      guard let number = Fields.integer(element) else { throw wrong(key, "an array of integers") }
      result.append(number)
    }
    return result
  }

  func optionalInts(_ key: String) throws(ProtocolError) -> [Int]? {
    guard let value = object[key], value != .null else { return nil }
    return try ints(key)
  }

  func doubles(_ key: String) throws(ProtocolError) -> [Double] {
    var result: [Double] = []
    for element in try array(key) {
      switch element {
      case .int(let number): result.append(Double(number))
      case .double(let number): result.append(number)
      default: throw wrong(key, "an array of numbers")
      }
    }
    return result
  }

  func strings(_ key: String) throws(ProtocolError) -> [String] {
    var result: [String] = []
    for element in try array(key) {
      guard case .string(let text) = element else { throw wrong(key, "an array of strings") }
      result.append(text)
    }
    return result
  }
}
