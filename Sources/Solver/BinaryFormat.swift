import Foundation

/// The container shared by policy files and checkpoints: 8 magic bytes, a 32-bit format version,
/// a JSON header (its length first), a binary body (its length first), and an FNV-1a 64-bit
/// checksum of everything before it. All integers little-endian.
enum BinaryFormat {
  static func encode(magic: String, version: UInt32, header: Data, body: Data) -> Data {
    var data = Data(magic.utf8)
    append(&data, version)
    append(&data, UInt64(header.count))
    data.append(header)
    append(&data, UInt64(body.count))
    data.append(body)
    append(&data, checksum(data))
    return data
  }

  /// Reads the file at `path`, checks every part and decodes its JSON header: the preamble every
  /// Skeptic file reader shares.
  ///
  /// - Throws: ``SolverError``: `io` when the file cannot be read, `badFile` naming what is
  ///   wrong (truncated, corrupted, another version, a header that is not `Header`'s JSON).
  static func read<Header: Decodable>(
    _ path: String, magic: String, version: UInt32, what: String, header: Header.Type
  ) throws(SolverError) -> (header: Header, body: Data) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SolverError(.io, "\(path): cannot read the \(what) (missing or unreadable)")
    }
    let (headerData, body) = try decode(data, magic: magic, version: version, path: path, what: what)
    do {
      return (try JSONDecoder().decode(Header.self, from: headerData), body)
    } catch {
      throw SolverError(.badFile, "\(path): the header is not a valid \(what) header: \(error)")
    }
  }

  /// Checks every part and returns the header and body, or says what is wrong with the file.
  static func decode(_ data: Data, magic: String, version: UInt32, path: String, what: String) throws(SolverError) -> (
    header: Data, body: Data
  ) {
    let bytes = [UInt8](data)
    func fail(_ message: String) -> SolverError { SolverError(.badFile, "\(path): \(message)") }
    let magicBytes = Array(magic.utf8)
    guard bytes.count >= magicBytes.count + 4 + 8 + 8 + 8 else {
      throw fail("too short to be a \(what) (\(bytes.count) bytes); the file is truncated or not a \(what)")
    }
    guard Array(bytes[0..<magicBytes.count]) == magicBytes else {
      throw fail("not a \(what): it does not start with \(magic)")
    }
    var offset = magicBytes.count
    let fileVersion = UInt32(truncatingIfNeeded: read(bytes, &offset, 4))
    guard fileVersion == version else {
      throw fail("\(what) format version \(fileVersion); this skeptic reads version \(version)")
    }
    // Lengths are checked as read (64-bit, from anyone) before they become offsets.
    let claimedHeader = read(bytes, &offset, 8)
    guard claimedHeader <= UInt64(bytes.count - offset - 16), let headerLength = Int(exactly: claimedHeader) else {
      throw fail("truncated: the header claims \(claimedHeader) bytes")
    }
    let header = Data(bytes[offset..<(offset + headerLength)])
    offset += headerLength
    let claimedBody = read(bytes, &offset, 8)
    guard claimedBody == UInt64(bytes.count - offset - 8), let bodyLength = Int(exactly: claimedBody) else {
      throw fail(
        "truncated or padded: the body should be \(claimedBody) bytes, \(max(0, bytes.count - offset - 8)) are there")
    }
    let body = Data(bytes[offset..<(offset + bodyLength)])
    offset += bodyLength
    let stored = read(bytes, &offset, 8)
    guard stored == checksum(Data(bytes[0..<(bytes.count - 8)])) else {
      throw fail("corrupted: the checksum does not match the contents")
    }
    return (header, body)
  }

  static func append<T: FixedWidthInteger>(_ data: inout Data, _ value: T) {
    withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
  }

  static func read(_ bytes: [UInt8], _ offset: inout Int, _ count: Int) -> UInt64 {
    var value: UInt64 = 0
    for i in 0..<count { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
    offset += count
    return value
  }

  static func checksum(_ data: Data) -> UInt64 {
    data.withUnsafeBytes { checksum($0) }
  }

  static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  /// Copies a checkpoint body of consecutive `Float` tables, `count` entries each, into `tables`.
  static func copyFloatTables(_ body: Data, into tables: [UnsafeMutablePointer<Float>], count: Int) {
    body.withUnsafeBytes { raw in
      for (i, table) in tables.enumerated() {
        UnsafeMutableRawPointer(table).copyMemory(from: raw.baseAddress! + i * count * 4, byteCount: count * 4)
      }
    }
  }
}
