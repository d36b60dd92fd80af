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

  mutating func appendString(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    // Most strings need no escape: copy them whole.
    if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      bytes.append(contentsOf: value.utf8)
      bytes.append(UInt8(ascii: "\""))
      return
    }
    for byte in value.utf8 {
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
