import Foundation

extension EmbeddedRowOffsets {
  /// The offsets as little-endian 32-bit words.
  static func decoded() -> [UInt32] {
    guard let data = Data(base64Encoded: base64), data.count % 4 == 0 else {
      preconditionFailure("the embedded row offsets are not valid base64")
    }
    return stride(from: 0, to: data.count, by: 4).map { i in
      (0..<4).reduce(UInt32(0)) { $0 | UInt32(data[data.startIndex + i + $1]) << (8 * UInt32($1)) }
    }
  }

  /// The base64 text of offsets, wrapped at 96 characters.
  static func encode(_ offsets: [UInt32]) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(offsets.count * 4)
    for word in offsets {
      for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
    }
    return Data(bytes).base64EncodedString()
  }
}
