/// Builds compact JSON into a byte buffer. Callers write an object's keys in sorted order, so
/// the same value always gives the same bytes.
public struct JSONWriter: Sendable {
  public private(set) var bytes: [UInt8] = []
  var needsComma = false

  public init(capacity: Int = 128) { bytes.reserveCapacity(capacity) }

  public mutating func beginObject() {
    comma()
    bytes.append(UInt8(ascii: "{"))
    needsComma = false
  }

  public mutating func endObject() {
    bytes.append(UInt8(ascii: "}"))
    needsComma = true
  }

  public mutating func beginArray() {
    comma()
    bytes.append(UInt8(ascii: "["))
    needsComma = false
  }

  public mutating func endArray() {
    bytes.append(UInt8(ascii: "]"))
    needsComma = true
  }

  /// A member name; the value follows.
  public mutating func key(_ name: String) {
    comma()
    appendString(name)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  /// A member name known at compile time, written as is: it must need no escaping.
  public mutating func key(literal name: StaticString) {
    comma()
    appendQuoted(name)
    bytes.append(UInt8(ascii: ":"))
    needsComma = false
  }

  /// A string value known at compile time, written as is: it must need no escaping.
  public mutating func string(literal value: StaticString) {
    comma()
    appendQuoted(value)
    needsComma = true
  }

  /// A string value given as UTF-8 bytes (escaped as needed).
  public mutating func string(utf8 value: some Collection<UInt8>) {
    comma()
    appendString(utf8: value)
    needsComma = true
  }

  public mutating func string(_ value: String) {
    comma()
    appendString(value)
    needsComma = true
  }

  public mutating func int(_ value: Int) {
    comma()
    if value >= 0 && value < 10 {
      bytes.append(UInt8(ascii: "0") + UInt8(value))
    } else {
      bytes.append(contentsOf: String(value).utf8)
    }
    needsComma = true
  }

  /// A finite number, integral values without a fraction (`2`, not `2.0`); not finite → null.
  public mutating func double(_ value: Double) {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
      int(Int(value))
      return
    }
    comma()
    bytes.append(contentsOf: (value.isFinite ? "\(value)" : "null").utf8)
    needsComma = true
  }

  public mutating func bool(_ value: Bool) {
    comma()
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
    needsComma = true
  }

  public mutating func null() {
    comma()
    bytes.append(contentsOf: "null".utf8)
    needsComma = true
  }

  mutating func comma() {
    if needsComma { bytes.append(UInt8(ascii: ",")) }
  }

  mutating func appendQuoted(_ text: StaticString) {
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    bytes.append(UInt8(ascii: "\""))
  }

  static func needsEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
  }

  mutating func appendString(_ value: String) {
    var value = value
    value.withUTF8 { appendString(utf8: $0) }
  }

  mutating func appendString(utf8 value: some Collection<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    // Most strings need no escape: copy them whole.
    let clean =
      value.withContiguousStorageIfAvailable { buffer in
        for byte in buffer where JSONWriter.needsEscape(byte) { return false }
        return true
      } ?? !value.contains(where: JSONWriter.needsEscape)
    if clean {
      bytes.append(contentsOf: value)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    for byte in value {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [
          UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)],
          hex[Int(byte & 15)],
        ])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
