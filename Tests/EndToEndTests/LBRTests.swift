import Foundation
import Testing

/// `skeptic lbr`: the always-fold anchor, early stopping once decided, blueprints, bad input.
@Suite struct LBRTests {
  func summary(_ arguments: [String]) throws -> [String: Any] {
    let run = try SkepticBinary.run(["lbr"] + arguments + ["--json"])
    #expect(run.status == 0, "\(run.standardError)")
    return try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
  }

  @Test func anchorsStoppingAndBlueprints() throws {
    let fold = try summary(["fold", "--game", "nolimit-holdem", "--hands", "40"])
    #expect(fold["mean"] as? Double == 750)
    #expect(fold["unit"] as? String == "mbb/hand")
    #expect(fold["actions"] as? String == "cc-fcpa")
    // Always-call is exploited by betting: the sequence decides long before 5,000 deals.
    let call = try summary(["call", "--game", "nolimit-holdem", "--hands", "5000", "--stop-when-decided"])
    #expect((call["deals"] as? Int).map { $0 < 5000 } == true)
    #expect(call["decided"] as? String == "above")
    let interval = try #require(call["interval"] as? [Double])
    #expect(interval[0] > 0)

    let directory = try SkepticBinary.temporaryDirectory("lbr")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("leduc.blueprint").path
    let train = try SkepticBinary.run([
      "train", "--game", "leduc", "--abstraction", "lossless", "--iterations", "2000", "--out", path,
    ])
    #expect(train.status == 0, "\(train.standardError)")
    // A barely trained blueprint loses clearly to LBR; the figures do not depend on threads.
    let one = try summary(["policy:\(path)", "--hands", "3000", "--threads", "1"])
    let two = try summary([path, "--hands", "3000", "--threads", "2"])
    #expect(one["unit"] as? String == "chips/hand")
    #expect(one["decided"] as? String == "above")
    #expect(one["mean"] as? Double == two["mean"] as? Double)

    // The curve benchmark re-plots saved rows: a panel per action set, the anchor on cc-fcpa's.
    let rows = directory.appendingPathComponent("rows.json")
    try Data(
      """
      [{"buckets":"169-200-200-200","deals":1000,"trainingSeconds":1,"actions":"cc-fcpa","lbrDeals":10,"mean":-5,
        "interval":[-900,800],"unit":"mbb/hand"},
       {"buckets":"169-200-200-200","deals":2000,"trainingSeconds":2,"actions":"fc","lbrDeals":10,"mean":300,
        "interval":[-100,700],"unit":"mbb/hand"}]
      """.utf8
    ).write(to: rows)
    let svg = directory.appendingPathComponent("curve.svg").path
    let plotted = try SkepticBinary.run(["bench", "lbr-curve", "--from", rows.path, "--svg", svg])
    #expect(plotted.status == 0, "\(plotted.standardError)")
    let picture = try String(contentsOfFile: svg, encoding: .utf8)
    #expect(picture.contains("LBR (cc-fcpa)") && picture.contains("LBR (fc)") && picture.contains("always-fold (750)"))

    for (arguments, words) in [
      (["fold", "--game", "kuhn-3p"], "heads-up"), (["fold", "--actions", "xyz"], "--actions"),
      ([path + ",colour=red"], "colour"), (["policy:/nonexistent.blueprint"], "not a blueprint"),
      ([path, "--game", "kuhn"], "another game"),
    ] {
      let refused = try SkepticBinary.run(["lbr"] + arguments)
      #expect(refused.status != 0 && refused.standardError.contains(words), "\(arguments): \(refused.standardError)")
    }
  }
}
