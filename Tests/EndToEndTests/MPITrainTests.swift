import Foundation
import TestSupport
import Testing

/// `mpirun -np R skeptic train … --abstraction`: the same bits for any number of ranks and
/// threads, equal to the one-process run; a killed rank fails the job, and a resume with another
/// number of ranks loses nothing.
@Suite struct MPITrainTests {
  /// mpirun from PATH (setup installs Open MPI's openmpi-bin).
  static let mpirun: String = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let found = path.split(separator: ":").map { "\($0)/mpirun" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    return found ?? "/usr/bin/mpirun"
  }()

  /// mpirun's options for one machine and for CI, which runs as root.
  static let oneMachine = ["--allow-run-as-root", "--oversubscribe"]

  /// Starts `mpirun -np ranks skeptic arguments…`.
  static func start(ranks: Int, _ arguments: [String]) throws -> (process: Process, out: Pipe, err: Pipe) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: mpirun)
    process.arguments = oneMachine + ["-np", String(ranks), SkepticBinary.url.path] + arguments
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    return (process, out, err)
  }

  /// Runs to the end; the exit status and both outputs.
  static func run(ranks: Int, _ arguments: [String]) throws -> SkepticBinary.Output {
    let (process, out, err) = try start(ranks: ranks, arguments)
    let errData = Locked(Data())
    let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
    return SkepticBinary.Output(
      status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
      standardError: String(decoding: errData.value, as: UTF8.self))
  }

  /// The JSON summary `skeptic train --json` printed.
  static func summary(_ output: SkepticBinary.Output) throws -> [String: Any] {
    let text = output.standardOutput
    let start = try #require(text.firstIndex(of: "{"), "no JSON in: \(text) \(output.standardError)")
    return try #require(try JSONSerialization.jsonObject(with: Data(text[start...].utf8)) as? [String: Any])
  }

  @Test func oneTwoAndThreeRanksTrainTheSameBitsAsOneProcess() throws {
    let directory = try SkepticBinary.temporaryDirectory("mpi-bits")
    defer { try? FileManager.default.removeItem(at: directory) }
    for (game, extra) in [
      ("leduc", [String]()), ("nolimit-leduc", ["--bets", "50%,100%,allin"]),
    ] {
      func arguments(_ name: String, threads: Int) -> [String] {
        [
          "train", "--game", game, "--abstraction", "lossless", "--iterations", "40000", "--threads", String(threads),
          "--json", "--out", directory.appendingPathComponent(name).path,
        ] + extra
      }
      let alone = try SkepticBinary.run(arguments("\(game)-alone", threads: 1))
      #expect(alone.status == 0, "\(alone.standardError)")
      let expected = try #require(try Self.summary(alone)["tableChecksum"] as? String)
      let policy = try Data(contentsOf: directory.appendingPathComponent("\(game)-alone"))
      for (ranks, threads) in [(1, 1), (2, 1), (3, 1), (2, 2)] {
        let name = "\(game)-\(ranks)x\(threads)"
        let output = try Self.run(ranks: ranks, arguments(name, threads: threads))
        #expect(output.status == 0, "\(name): \(output.standardError)")
        let summary = try Self.summary(output)
        #expect(summary["tableChecksum"] as? String == expected, "\(name)")
        #expect(summary["ranks"] as? Int == ranks)
        // Each rank sends its share of the batch; every rank gathers all of it.
        let sent = try #require(summary["bytesSentPerBatch"] as? Int)
        let gathered = try #require(summary["bytesGatheredPerBatch"] as? Int)
        #expect(sent > 0 && sent <= gathered && (ranks > 1 || sent == gathered), "\(name): \(sent) of \(gathered)")
        #expect(try Data(contentsOf: directory.appendingPathComponent(name)) == policy, "\(name): the policy file")
      }
    }
  }

  @Test func aKilledRankFailsTheJobAndAResumeOnOtherRanksLosesNothing() throws {
    let directory = try SkepticBinary.temporaryDirectory("mpi-kill")
    defer { try? FileManager.default.removeItem(at: directory) }
    let out = directory.appendingPathComponent("killed.blueprint").path
    let total = "600000"
    let common = [
      "train", "--game", "leduc", "--abstraction", "lossless", "--iterations", total, "--threads", "1",
      "--checkpoint-every", "50000it",
    ]
    let (job, jobOut, jobErr) = try Self.start(ranks: 2, common + ["--out", out])
    #expect(SkepticBinary.waitForFile(out + ".checkpoint", seconds: 60), "no checkpoint appeared")
    let victim = try #require(Self.rankProcess(rank: 1, commandContains: out), "rank 1 not found")
    kill(victim, SIGKILL)
    DispatchQueue.global().async { _ = jobOut.fileHandleForReading.readDataToEndOfFile() }
    let said = jobErr.fileHandleForReading.readDataToEndOfFile()
    job.waitUntilExit()
    let text = String(decoding: said, as: UTF8.self)
    #expect(job.terminationStatus != 0, "the job went on after a rank was killed: \(text)")
    #expect(text.contains("rank 1") && text.contains("signal 9"), "\(text)")
    #expect(!FileManager.default.fileExists(atPath: out), "a policy was written by a failed job")
    // Resume on three ranks; the result is the uninterrupted one-process run's, bit for bit.
    let resumed = try Self.run(ranks: 3, common + ["--resume", "--json", "--out", out])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    let from = try #require(try Self.summary(resumed)["resumedFrom"] as? Int, "the run did not resume")
    #expect(from >= 50000 && from < 600000, "resumed from deal \(from)")
    let straight = try SkepticBinary.run(
      [
        "train", "--game", "leduc", "--abstraction", "lossless", "--iterations", total, "--threads", "2", "--json",
        "--out", directory.appendingPathComponent("straight.blueprint").path,
      ])
    #expect(straight.status == 0, "\(straight.standardError)")
    #expect(
      try Self.summary(resumed)["tableChecksum"] as? String == Self.summary(straight)["tableChecksum"] as? String)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: out))
        == Data(contentsOf: directory.appendingPathComponent("straight.blueprint")))
  }

  @Test func theExactSolversRefuseMPI() throws {
    let directory = try SkepticBinary.temporaryDirectory("mpi-exact")
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = try Self.run(
      ranks: 2, ["train", "--game", "kuhn", "--iterations", "10", "--out", directory.appendingPathComponent("k").path])
    #expect(output.status != 0)
    #expect(output.standardError.contains("training on MPI is for blueprints"), "\(output.standardError)")
  }

  /// The process of the job's rank `rank` whose command line mentions `commandContains` (read
  /// from /proc: Open MPI puts each rank's number in its environment).
  static func rankProcess(rank: Int, commandContains needle: String) -> pid_t? {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    for entry in entries {
      guard let pid = pid_t(entry),
        let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
        String(decoding: command, as: UTF8.self).contains(needle),
        let environment = FileManager.default.contents(atPath: "/proc/\(entry)/environ")
      else { continue }
      let variables = environment.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
      if variables.contains("OMPI_COMM_WORLD_RANK=\(rank)") { return pid }
    }
    return nil
  }
}
