import Foundation
import Solver
import TestSupport
import Testing

@Suite(.serialized) struct CardAbstractionFileTests {
  static func fnv(_ bytes: Data) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return hash
  }

  /// Written and mapped back, every hand keeps its bucket; truncated, foreign, other-version,
  /// corrupted files and a bucket past its round's size are refused, naming the file.
  @Test func roundTripAndDamage() throws {
    let directory = try Scratch.directory("abstraction")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("a.abstraction").path
    let sizes = try AbstractionSizes(parsing: "169-7-11-13")
    let buckets = AbstractionSizes.canonicalHands.enumerated().map { round, count in
      (0..<count).map { UInt16(($0 &* 2_654_435_761 >> 7) % sizes.buckets[round]) }
    }
    try CardAbstraction(sizes: sizes, header: #"{"sizes":"169-7-11-13"}"#, buckets: buckets).write(to: path)
    let read = try CardAbstraction(contentsOf: path)
    #expect(read.sizes == sizes)
    for round in 0..<4 {
      for index in stride(from: 0, to: buckets[round].count, by: 9_973) {
        #expect(read.bucket(round: round, index: index) == Int(buckets[round][index]))
      }
    }
    #expect(read.occupancy(round: 1).reduce(0, +) == 1_286_792)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    func refused(_ damaged: Data, saying words: String) throws {
      try damaged.write(to: URL(fileURLWithPath: path))
      #expect {
        try CardAbstraction(contentsOf: path)
      } throws: { error in
        let message = (error as? SolverError)?.message ?? ""
        return message.contains(path) && message.contains(words)
      }
    }
    try refused(bytes.prefix(bytes.count - 3), saying: "truncated")
    try refused(bytes.prefix(30), saying: "truncated")
    try refused(Data("SKPOLICY".utf8) + bytes.dropFirst(8), saying: "not a card abstraction file")
    var version = bytes
    version[8] = 9
    try refused(version, saying: "version 9")
    var flipped = bytes
    flipped[flipped.count / 2] ^= 0x10
    try refused(flipped, saying: "checksum")
    // A river bucket past the river's 13, with a checksum that matches.
    var outOfRange = bytes
    outOfRange[outOfRange.count - 10] = 200
    let checksum = Self.fnv(outOfRange.prefix(outOfRange.count - 8))
    for i in 0..<8 { outOfRange[outOfRange.count - 8 + i] = UInt8(truncatingIfNeeded: checksum >> (8 * UInt64(i))) }
    try refused(outOfRange, saying: "but the round has 13")
    #expect(throws: SolverError.self) { try CardAbstraction(contentsOf: path + ".missing") }
  }

  @Test func sizesParseAndRefuse() throws {
    #expect(try AbstractionSizes(parsing: "quick").buckets == [169, 200, 200, 200])
    #expect(try AbstractionSizes(parsing: "169-1000-1000-1000") == AbstractionSizes(parsing: "default"))
    for (text, words) in [
      ("170-200-200-200", "lossless"), ("169-2000000-200-200", "flop buckets"), ("169-200-200", "four counts"),
      ("169-0-200-200", "1 to"), ("big", "preset"),
    ] {
      #expect {
        try AbstractionSizes(parsing: text)
      } throws: { error in ((error as? SolverError)?.message ?? "").contains(words) }
    }
  }
}
