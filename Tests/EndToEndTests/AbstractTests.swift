import Foundation
import Testing

/// `skeptic abstract build` on a few boards: figures as JSON, a file `show` maps back and reads
/// a hand's buckets from; sizes the sample cannot make are refused.
@Suite struct AbstractTests {
  @Test func buildOnAFewBoardsThenShow() throws {
    let directory = try SkepticBinary.temporaryDirectory("abstract")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("small.abstraction").path
    let run = try SkepticBinary.run([
      "abstract", "build", "--sizes", "169-20-30-40", "--boards", "2", "--sample", "5000", "--out", path, "--json",
    ])
    #expect(run.status == 0, "\(run.standardError)")
    let figures = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
    #expect(figures?["turnBuckets"] as? Int == 30)
    #expect((figures?["flopFittingSeconds"] as? Double).map { $0 >= 0 } == true)
    // One thread gives the same bytes.
    let single = directory.appendingPathComponent("single.abstraction").path
    let again = try SkepticBinary.run([
      "abstract", "build", "--sizes", "169-20-30-40", "--boards", "2", "--sample", "5000", "--out", single, "--threads",
      "1",
    ])
    #expect(again.status == 0, "\(again.standardError)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: single)) == Data(contentsOf: URL(fileURLWithPath: path)))
    let shown = try SkepticBinary.run(["abstract", "show", path, "--hand", "AsKd QhJh2c 7s 9d", "--json"])
    #expect(shown.status == 0, "\(shown.standardError)")
    let buckets = try JSONSerialization.jsonObject(with: Data(shown.standardOutput.utf8)) as? [String: Any]
    #expect((buckets?["riverBucket"] as? Int).map { (0..<40).contains($0) } == true)
    #expect((buckets?["preflopBucket"] as? Int).map { (0..<169).contains($0) } == true)
    let text = try SkepticBinary.run(["abstract", "show", path])
    #expect(text.standardOutput.contains("13,960,050 hands in 30 buckets"))
    for (arguments, words) in [
      (["--sizes", "169-50-50-50", "--sample", "10"], "--sample"), (["--sizes", "168-50-50-50"], "lossless"),
      (["--bins", "1"], "--bins"),
    ] {
      let refused = try SkepticBinary.run(["abstract", "build", "--boards", "1"] + arguments)
      #expect(refused.status != 0)
      #expect(refused.standardError.contains(words), "\(refused.standardError)")
    }
    let bad = try SkepticBinary.run(["abstract", "show", path, "--hand", "AsAs"])
    #expect(bad.status != 0)
  }
}
