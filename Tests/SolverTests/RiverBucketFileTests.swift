import Foundation
import Solver
import Testing

struct RiverBucketFileTests {
  /// Written and read back equal; truncated, damaged or foreign files are refused by name.
  @Test func roundTripAndDamage() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "river-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("river.buckets").path
    let file = RiverBucketFile(header: #"{"buckets":"3"}"#, buckets: [0, 2, 1, 65_535, 7])
    try file.write(to: path)
    #expect(try RiverBucketFile(contentsOf: path) == file)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    for damaged in [bytes.prefix(bytes.count - 3), Data("SKPOLICY".utf8) + bytes.dropFirst(8)] {
      try damaged.write(to: URL(fileURLWithPath: path))
      #expect(throws: SolverError.self) { try RiverBucketFile(contentsOf: path) }
    }
    var flipped = bytes
    flipped[flipped.count / 2] ^= 0x10
    try flipped.write(to: URL(fileURLWithPath: path))
    #expect(throws: SolverError.self) { try RiverBucketFile(contentsOf: path) }
    #expect(throws: SolverError.self) { try RiverBucketFile(contentsOf: path + ".missing") }
  }
}
