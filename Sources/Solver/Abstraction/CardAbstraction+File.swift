import Basics
import Foundation

extension CardAbstraction {
  static let magic = "SKCARD01"
  static let version: UInt32 = 1

  /// Writes the abstraction atomically: Skeptic's binary container (``BinaryFormat``, magic
  /// `SKCARD01`), the JSON header padded so that the body starts on an 8-byte boundary, the body
  /// each round's buckets as little-endian `UInt16`, preflop first.
  public func write(to path: String) throws(SolverError) {
    var headerBytes = Data(header.utf8)
    // magic 8 + version 4 + header length 8 + header + body length 8.
    while (28 + headerBytes.count) % 8 != 0 { headerBytes.append(0x20) }
    var body = Data(capacity: 2 * AbstractionSizes.canonicalHands.reduce(0, +))
    for (round, count) in AbstractionSizes.canonicalHands.enumerated() {
      body.append(UnsafeBufferPointer(start: tables[round], count: count))
    }
    try AtomicFile.save(
      BinaryFormat.encode(magic: Self.magic, version: Self.version, header: headerBytes, body: body), to: path)
  }

  /// Maps an abstraction file into memory (its pages are read as used and shared between
  /// processes).
  ///
  /// - Parameter verify: check the checksum and that every bucket is below its round's size
  ///   (reads the whole file once).
  /// - Throws: ``SolverError`` (`badFile`, `io`) naming the file and what is wrong with it: not
  ///   an abstraction file, another version, truncated, corrupted, a bucket out of range.
  public convenience init(contentsOf path: String, verify: Bool = true) throws(SolverError) {
    let file = try MappedFile(path: path)
    let bytes = file.bytes
    func fail(_ message: String) -> SolverError { SolverError(.badFile, "\(path): \(message)") }
    let what = "card abstraction file"
    guard bytes.count >= 36 else {
      throw fail("too short to be a \(what) (\(bytes.count) bytes); the file is truncated or not a \(what)")
    }
    guard Array(bytes[0..<8]) == Array(Self.magic.utf8) else {
      throw fail("not a \(what): it does not start with \(Self.magic)")
    }
    func read(_ offset: Int) -> UInt64 {
      UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    let version = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
    guard version == Self.version else {
      throw fail("\(what) format version \(version); this skeptic reads version \(Self.version)")
    }
    let headerLength = read(12)
    guard headerLength <= UInt64(bytes.count - 36) else {
      throw fail("truncated: the header claims \(headerLength) bytes")
    }
    let bodyStart = 28 + Int(headerLength)
    let expectedBody = 2 * AbstractionSizes.canonicalHands.reduce(0, +)
    let bodyLength = read(20 + Int(headerLength))
    guard bodyLength == UInt64(expectedBody) else {
      throw fail(
        "the body holds \(bodyLength) bytes; a card abstraction holds \(expectedBody) (one 16-bit bucket per canonical hand)"
      )
    }
    guard bytes.count == bodyStart + expectedBody + 8 else {
      throw fail("truncated or padded: \(bytes.count) bytes, \(bodyStart + expectedBody + 8) expected")
    }
    guard bodyStart % 8 == 0 else { throw fail("the body is not aligned (written by something else than skeptic)") }
    let header = String(decoding: bytes[20..<(20 + Int(headerLength))], as: UTF8.self).trimmingCharacters(
      in: .whitespaces)
    let stored = read(bytes.count - 8)
    if verify {
      guard stored == BinaryFormat.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count - 8)])) else {
        throw fail("corrupted: the checksum does not match the contents")
      }
    }
    guard let object = try? JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any],
      let sizesText = object["sizes"] as? String
    else { throw fail("the header is not JSON with the bucket sizes (\"sizes\")") }
    let sizes: AbstractionSizes
    do { sizes = try AbstractionSizes(parsing: sizesText) } catch { throw fail("the header's sizes: \(error.message)") }
    var tables: [UnsafePointer<UInt16>] = []
    var offset = bodyStart
    for (round, count) in AbstractionSizes.canonicalHands.enumerated() {
      let table = (bytes.baseAddress! + offset).assumingMemoryBound(to: UInt16.self)
      if verify {
        let limit = UInt16(sizes.buckets[round])
        for i in 0..<count where UInt16(littleEndian: table[i]) >= limit {
          throw fail("round \(round), hand \(i): bucket \(UInt16(littleEndian: table[i])), but the round has \(limit)")
        }
      }
      tables.append(table)
      offset += 2 * count
    }
    self.init(sizes: sizes, header: header, mapped: file, tables: tables, checksum: stored)
  }
}
