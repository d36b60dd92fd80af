import Foundation

/// Why a frame could not be read as a message.
public struct ProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension Message {
  /// The message as one JSON frame (keys sorted, so the same message gives the same bytes).
  public func encoded() -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    func body<T: Encodable>(_ type: String, _ value: T) -> [UInt8] {
      guard let data = try? encoder.encode(value),
        var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
      else {
        return Array("{\"type\":\"\(type)\"}".utf8)
      }
      object["type"] = type
      return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])).map
      { [UInt8]($0) } ?? []
    }
    switch self {
    case .hello(let value): return body("hello", value)
    case .welcome(let value): return body("welcome", value)
    case .refused(let value): return body("refused", value)
    case .decide(let value): return body("decide", value)
    case .act(let value): return body("act", value)
    case .handEnd(let value): return body("handEnd", value)
    case .matchEnd(let value): return body("matchEnd", value)
    case .notes(let value): return body("notes", value)
    }
  }

  /// Reads a frame; unknown fields are ignored, an unknown type or a missing field is an error
  /// that says which.
  public static func decode(_ frame: [UInt8]) throws(ProtocolError) -> Message {
    guard let object = (try? JSONSerialization.jsonObject(with: Data(frame))) as? [String: Any] else {
      throw ProtocolError("not a JSON object: \(String(decoding: frame.prefix(80), as: UTF8.self))")
    }
    guard let type = object["type"] as? String else { throw ProtocolError("the message has no \"type\" field") }
    let decoder = JSONDecoder()
    let data = Data(frame)
    func read<T: Decodable>(_: T.Type) throws(ProtocolError) -> T {
      do {
        return try decoder.decode(T.self, from: data)
      } catch let DecodingError.keyNotFound(key, _) {
        throw ProtocolError("a \"\(type)\" message needs the field \"\(key.stringValue)\"")
      } catch let DecodingError.typeMismatch(_, context) {
        throw ProtocolError(
          "in a \"\(type)\" message, \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
        )
      } catch {
        throw ProtocolError("a \"\(type)\" message could not be read: \(error)")
      }
    }
    switch type {
    case "hello": return .hello(try read(Hello.self))
    case "welcome": return .welcome(try read(Welcome.self))
    case "refused": return .refused(try read(Refused.self))
    case "decide": return .decide(try read(Decide.self))
    case "act": return .act(try read(Act.self))
    case "handEnd": return .handEnd(try read(HandEnd.self))
    case "matchEnd": return .matchEnd(try read(MatchEnd.self))
    case "notes": return .notes(try read(Notes.self))
    default: throw ProtocolError("unknown message type \"\(type)\"")
    }
  }
}
