import Foundation
import Testing

@Suite struct TrainTests {
  func temporaryDirectory() throws -> URL { try SkepticBinary.temporaryDirectory("train") }

  @Test func trainWritesAPolicyThatTheOtherCommandsRead() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let policy = directory.appendingPathComponent("leduc.policy").path
    let curve = directory.appendingPathComponent("curve.csv").path
    let plot = directory.appendingPathComponent("curve.svg").path
    let train = try SkepticBinary.run([
      "train", "--game", "leduc", "--algorithm", "dcfr", "--iterations", "500", "--out", policy, "--curve", curve,
      "--plot", plot, "--json",
    ])
    #expect(train.status == 0, "\(train.standardError)")
    let summary = try JSONSerialization.jsonObject(with: Data(train.standardOutput.utf8)) as? [String: Any]
    #expect((summary?["exploitability"] as? Double ?? 1) < 0.01)
    #expect(try String(contentsOfFile: curve, encoding: .utf8).hasPrefix("iteration,seconds,exploitability\n"))
    #expect(try String(contentsOfFile: plot, encoding: .utf8).contains("<svg"))
    let exploitability = try SkepticBinary.run(["exploitability", policy, "--json"])
    let values = try JSONSerialization.jsonObject(with: Data(exploitability.standardOutput.utf8)) as? [String: Any]
    #expect(values?["exploitability"] as? Double == summary?["exploitability"] as? Double)
    let show = try SkepticBinary.run(["policy", "show", policy])
    #expect(show.standardOutput.contains("iterations      500"))
    let export = try SkepticBinary.run(["policy", "export", policy, "--format", "json"])
    let exported = try JSONSerialization.jsonObject(with: Data(export.standardOutput.utf8)) as? [String: Any]
    #expect((exported?["informationSets"] as? [String: Any])?.count == 936)
  }

  @Test func aKilledRunResumesToTheSameBytes() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let straight = directory.appendingPathComponent("straight.policy").path
    let resumed = directory.appendingPathComponent("resumed.policy").path
    let common = [
      "train", "--game", "kuhn", "--algorithm", "cfr+", "--iterations", "3000000", "--checkpoint-every", "100000it",
    ]
    let full = try SkepticBinary.run(common + ["--out", straight])
    #expect(full.status == 0)
    // Start the same run, kill it with SIGKILL part way, then resume it.
    let process = Process()
    process.executableURL = SkepticBinary.url
    process.arguments = common + ["--out", resumed]
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    Thread.sleep(forTimeInterval: 0.5)
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let checkpoint = resumed + ".checkpoint"
    #expect(FileManager.default.fileExists(atPath: checkpoint))
    let again = try SkepticBinary.run(common + ["--out", resumed, "--resume"])
    #expect(again.status == 0, "\(again.standardError)")
    #expect(again.standardError.contains("resuming from"))
    #expect(FileManager.default.contents(atPath: resumed) == FileManager.default.contents(atPath: straight))
  }

  /// A blueprint run (lossless Leduc) killed with SIGKILL resumes to the bytes of a straight run,
  /// on another thread count; its exploitability is judged by the exact best response.
  @Test func aKilledBlueprintRunResumesToTheSameBytes() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let straight = directory.appendingPathComponent("straight.blueprint").path
    let resumed = directory.appendingPathComponent("resumed.blueprint").path
    let common = [
      "train", "--game", "leduc", "--abstraction", "lossless", "--iterations", "2000000", "--checkpoint-every",
      "100000it",
    ]
    let full = try SkepticBinary.run(common + ["--out", straight, "--threads", "1", "--json"])
    #expect(full.status == 0, "\(full.standardError)")
    let summary = try JSONSerialization.jsonObject(with: Data(full.standardOutput.utf8)) as? [String: Any]
    #expect((summary?["exploitability"] as? Double ?? 1) < 0.05)
    let process = Process()
    process.executableURL = SkepticBinary.url
    process.arguments = common + ["--out", resumed, "--threads", "2"]
    process.standardError = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let checkpoint = resumed + ".checkpoint"
    #expect(SkepticBinary.waitForFile(checkpoint))
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    let again = try SkepticBinary.run(common + ["--out", resumed, "--resume", "--threads", "2"])
    #expect(again.status == 0, "\(again.standardError)")
    #expect(again.standardError.contains("resuming from"))
    #expect(FileManager.default.contents(atPath: resumed) == FileManager.default.contents(atPath: straight))
    let show = try SkepticBinary.run(["policy", "show", resumed])
    #expect(show.standardOutput.contains("deals           2000000"), "\(show.standardOutput)")
    #expect(show.standardOutput.contains("lossless"))
    let stray = try SkepticBinary.run(["train", "--game", "leduc", "--batch", "8", "--out", resumed])
    #expect(stray.status != 0 && stray.standardError.contains("--batch is a blueprint option"))
    // Another seed is another run: refused.
    let other = try SkepticBinary.run(common + ["--out", resumed, "--resume", "--seed", "9"])
    #expect(other.status != 0 && other.standardError.contains("another game, bet menu or seed"))
  }

  @Test func resumingWithOtherSettingsIsRefused() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let policy = directory.appendingPathComponent("k.policy").path
    _ = try SkepticBinary.run([
      "train", "--game", "kuhn", "--iterations", "100", "--checkpoint-every", "50it", "--out", policy,
    ])
    let other = try SkepticBinary.run([
      "train", "--game", "kuhn", "--algorithm", "cfr", "--iterations", "200", "--out", policy, "--resume",
    ])
    #expect(other.status != 0)
    #expect(other.standardError.contains("other settings"))
  }

  /// OpenSpiel 2.0.2's `CFRPlusSolver` on `leduc_poker`, 1,000 iterations, exploitability in
  /// every digit; the history solver repeats it from the command line.
  @Test func theHistorySolverReproducesOpenSpiel() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let policy = directory.appendingPathComponent("history.policy").path
    let train = try SkepticBinary.run([
      "train", "--game", "leduc", "--algorithm", "cfr+", "--solver", "history", "--iterations", "1000", "--out", policy,
      "--json",
    ])
    #expect(train.status == 0, "\(train.standardError)")
    let summary = try JSONSerialization.jsonObject(with: Data(train.standardOutput.utf8)) as? [String: Any]
    let value = try #require(summary?["exploitability"] as? Double)
    #expect(abs(value / 0.0002571516161564563 - 1) < 1e-12, "\(value)")
    let show = try SkepticBinary.run(["policy", "show", policy])
    #expect(show.standardOutput.contains("history"), "\(show.standardOutput)")
    // A history checkpoint resumed by the fast solver is refused by name.
    let checkpointed = directory.appendingPathComponent("checkpointed.policy").path
    let first = try SkepticBinary.run([
      "train", "--game", "leduc", "--solver", "history", "--iterations", "20", "--checkpoint-every", "10it", "--out",
      checkpointed,
    ])
    #expect(first.status == 0)
    let wrong = try SkepticBinary.run([
      "train", "--game", "leduc", "--iterations", "40", "--resume", "--checkpoint-every", "10it", "--out", checkpointed,
    ])
    #expect(
      wrong.status != 0 && wrong.standardError.contains("written by the history solver"), "\(wrong.standardError)")
    for (arguments, complaint) in [
      (["--game", "leduc", "--solver", "history", "--algorithm", "es-mccfr"], "not es-mccfr"),
      (["--game", "leduc", "--solver", "history", "--simultaneous"], "drop --simultaneous"),
      (["--game", "limit-holdem", "--solver", "history"], "use --solver fast"),
      (["--game", "leduc", "--solver", "slow"], "--solver is fast or history"),
    ] {
      let refused = try SkepticBinary.run(["train", "--out", policy] + arguments)
      #expect(
        refused.status != 0 && refused.standardError.contains(complaint), "\(arguments): \(refused.standardError)")
    }
  }

  @Test func badArgumentsAndFilesAreClearErrors() throws {
    let algorithm = try SkepticBinary.run([
      "train", "--game", "kuhn", "--algorithm", "fastest", "--out", "/tmp/x.policy",
    ])
    #expect(algorithm.status != 0 && algorithm.standardError.contains("unknown --algorithm 'fastest'"))
    let limit = try SkepticBinary.run(["train", "--game", "kuhn", "--time-limit", "soon", "--out", "/tmp/x.policy"])
    #expect(limit.status != 0 && limit.standardError.contains("--time-limit 'soon'"))
    let game = try SkepticBinary.run(["train", "--game", "nolimit-holdem", "--out", "/tmp/x.policy"])
    #expect(game.status != 0 && game.standardError.contains("action abstraction"))
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let garbage = directory.appendingPathComponent("garbage.policy").path
    try Data("not a policy".utf8).write(to: URL(fileURLWithPath: garbage))
    let read = try SkepticBinary.run(["exploitability", garbage])
    #expect(read.status != 0 && read.standardError.contains(garbage))
  }
}
