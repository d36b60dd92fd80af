extension JSONValue {
  /// Parses one JSON document (RFC 8259) from UTF-8 bytes; the error says what was expected and
  /// at which byte.
  public init(parsing bytes: [UInt8]) throws(BasicsError) {
    var parser = Parser(bytes: bytes)
    self = try parser.document()
  }
}

/// A recursive-descent JSON reader over a byte array, nesting limited so hostile input cannot
/// exhaust the stack.
private struct Parser {
  let bytes: [UInt8]
  var index = 0
  var depth = 0
  static let maximumDepth = 64

  init(bytes: [UInt8]) { self.bytes = bytes }

  mutating func document() throws(BasicsError) -> JSONValue {
    let value = try self.value()
    skipSpace()
    guard index == bytes.count else { throw failure("the end of the document") }
    return value
  }

  func failure(_ expected: String) -> BasicsError {
    let found = index < bytes.count ? "'\(String(decoding: [bytes[index]], as: UTF8.self))'" : "the end"
    return BasicsError(.badJSON, "not valid JSON: expected \(expected) at byte \(index), found \(found)")
  }

  mutating func skipSpace() {
    while index < bytes.count,
      bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
        || bytes[index] == 0x09
    {
      index += 1
    }
  }

  mutating func value() throws(BasicsError) -> JSONValue {
    skipSpace()
    guard index < bytes.count else { throw failure("a value") }
    switch bytes[index] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    default: return try number()
    }
  }

  mutating func literal(_ word: String, _ value: JSONValue) throws(BasicsError) -> JSONValue {
    let letters = Array(word.utf8)
    guard index + letters.count <= bytes.count, Array(bytes[index..<index + letters.count]) == letters else {
      throw failure(word)
    }
    index += letters.count
    return value
  }

  mutating func enter() throws(BasicsError) {
    depth += 1
    if depth > Parser.maximumDepth {
      throw BasicsError(.badJSON, "not valid JSON: nested deeper than \(Parser.maximumDepth)")
    }
  }

  mutating func object() throws(BasicsError) -> JSONValue {
    try enter()
    index += 1
    var members: [(key: String, value: JSONValue)] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("a member name") }
      let key = try string()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("':'") }
      index += 1
      members.append((key, try value()))
      skipSpace()
      guard index < bytes.count else { throw failure("',' or '}'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw failure("',' or '}'") }
      index += 1
      depth -= 1
      return .object(members)
    }
  }

  mutating func array() throws(BasicsError) -> JSONValue {
    try enter()
    index += 1
    var values: [JSONValue] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(values)
    }
    while true {
      values.append(try value())
      skipSpace()
      guard index < bytes.count else { throw failure("',' or ']'") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw failure("',' or ']'") }
      index += 1
      depth -= 1
      return .array(values)
    }
  }

  mutating func string() throws(BasicsError) -> String {
    index += 1
    let start = index
    // Fast path: no escapes.
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        index += 1
        return text
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw failure("no control character inside a string") }
      index += 1
    }
    var scalars = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return String(decoding: scalars, as: UTF8.self)
      }
      if byte < 0x20 { throw failure("no control character inside a string") }
      index += 1
      guard byte == UInt8(ascii: "\\") else {
        scalars.append(byte)
        continue
      }
      guard index < bytes.count else { throw failure("an escape") }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
      case UInt8(ascii: "b"): scalars.append(0x08)
      case UInt8(ascii: "f"): scalars.append(0x0C)
      case UInt8(ascii: "n"): scalars.append(0x0A)
      case UInt8(ascii: "r"): scalars.append(0x0D)
      case UInt8(ascii: "t"): scalars.append(0x09)
      case UInt8(ascii: "u"):
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        {
          index += 2
          let low = try hex4()
          guard (0xDC00..<0xE000).contains(low) else { throw failure("a low surrogate") }
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
      default:
        index -= 1
        throw failure("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)")
      }
    }
    throw failure("'\"' to end the string")
  }

  mutating func hex4() throws(BasicsError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw failure("four hex digits") }
    var code: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw failure("a hex digit")
      }
      code = code << 4 | UInt32(digit)
      index += 1
    }
    return code
  }

  mutating func number() throws(BasicsError) -> JSONValue {
    let start = index
    var integral = true
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    let digitsStart = index
    while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
    guard index > digitsStart else { throw failure("a value") }
    if bytes[digitsStart] == UInt8(ascii: "0") && index > digitsStart + 1 {
      index = digitsStart + 1
      return .int(0)  // "01": the document check reports the stray digit
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      integral = false
      index += 1
      let fraction = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
      guard index > fraction else { throw failure("a digit after '.'") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      integral = false
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      let exponent = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
      guard index > exponent else { throw failure("a digit in the exponent") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if integral, let value = Int(text) { return .int(value) }
    guard let value = Double(text) else { throw failure("a number") }
    return .double(value)
  }
}
