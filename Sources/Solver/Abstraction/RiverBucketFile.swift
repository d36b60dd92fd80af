import Foundation

/// River buckets on disk: Skeptic's binary container (magic `SKRIVB01`, version, JSON header,
/// body, checksum; ``BinaryFormat``), the body one little-endian `UInt16` bucket per canonical
/// river hand in index order. Written atomically.
public struct RiverBucketFile: Sendable, Equatable {
  static let magic = "SKRIVB01"
  static let version: UInt32 = 1

  /// What built it (JSON text).
  public let header: String
  /// Each canonical river hand's bucket.
  public let buckets: [UInt16]

  public init(header: String, buckets: [UInt16]) {
    self.header = header
    self.buckets = buckets
  }

  /// Reads and checks a file.
  ///
  /// - Throws: ``SolverError`` (`badFile`, `io`) naming the file and what is wrong with it.
  public init(contentsOf path: String) throws(SolverError) {
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw SolverError(.io, "\(path): cannot read (\(error.localizedDescription))")
    }
    let (header, body) = try BinaryFormat.decode(
      data, magic: Self.magic, version: Self.version, path: path, what: "river bucket file")
    guard body.count % 2 == 0 else { throw SolverError(.badFile, "\(path): the body is not whole 16-bit buckets") }
    self.header = String(decoding: header, as: UTF8.self)
    buckets = body.withUnsafeBytes { raw in
      (0..<(body.count / 2)).map { UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * $0, as: UInt16.self)) }
    }
  }

  /// Writes the file atomically (a temporary file renamed into place).
  public func write(to path: String) throws(SolverError) {
    let body = buckets.withUnsafeBufferPointer { Data(buffer: $0) }
    try AtomicFile.write(
      BinaryFormat.encode(magic: Self.magic, version: Self.version, header: Data(header.utf8), body: body), to: path)
  }
}
