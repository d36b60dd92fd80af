import Foundation
import Testing

/// `skeptic abstract river` on a few boards: figures as JSON and a bucket file with one bucket
/// per canonical river hand; a bucket count the sample cannot make is refused.
@Suite struct AbstractTests {
  @Test func riverBucketsOnAFewBoards() throws {
    let directory = try SkepticBinary.temporaryDirectory("abstract")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("river.buckets").path
    let run = try SkepticBinary.run([
      "abstract", "river", "--boards", "300", "--buckets", "20", "--sample", "20000", "--out", path, "--json",
    ])
    #expect(run.status == 0, "\(run.standardError)")
    let figures = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
    #expect(figures?["hands"] as? Int == 123_156_254)
    // The container: 8 magic bytes, version, header length and header, body length and body.
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(String(decoding: bytes[0..<8], as: UTF8.self) == "SKRIVB01")
    func number(at offset: Int) -> Int { (0..<8).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) } }
    let headerLength = number(at: 12)
    #expect(number(at: 20 + headerLength) == 2 * 123_156_254)
    let refused = try SkepticBinary.run(["abstract", "river", "--boards", "10", "--buckets", "50", "--sample", "10"])
    #expect(refused.status != 0)
    #expect(refused.standardError.contains("--buckets"))
  }
}
