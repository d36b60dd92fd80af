import Foundation
import PokerRules
import Solver
import TestSupport
import Testing

@Suite struct FileTests {
  let leduc = try! CompiledGame.compile(BundledGame.leduc.definition)

  func temporaryPath(_ name: String) -> String { Scratch.path(name) }

  func policyFile(_ solver: CFRSolver) -> PolicyFile { TestPolicy.file(solver) }

  @Test func policyFilesRoundTrip() throws {
    let solver = CFRSolver(game: leduc, settings: SolverSettings(algorithm: .dcfr))
    solver.iterate(50)
    let path = temporaryPath("round.policy")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let file = policyFile(solver)
    try file.write(to: path)
    let read = try PolicyFile.read(from: path)
    #expect(read.header == file.header)
    #expect(read.policy.probabilities == file.policy.probabilities)
    #expect(read.encoded() == file.encoded())
  }

  @Test func truncatedCorruptedAndForeignFilesAreRefusedWithTheReason() throws {
    let solver = CFRSolver(game: leduc, settings: SolverSettings(algorithm: .cfrPlus))
    solver.iterate(10)
    let bytes = policyFile(solver).encoded()
    let path = temporaryPath("bad.policy")
    defer { try? FileManager.default.removeItem(atPath: path) }
    func refusal(_ data: Data) -> SolverError? {
      try? data.write(to: URL(fileURLWithPath: path))
      do {
        _ = try PolicyFile.read(from: path)
        return nil
      } catch {
        return error
      }
    }
    let truncated = try #require(refusal(bytes.prefix(bytes.count - 100)))
    #expect(truncated.code == .badFile && truncated.message.contains(path) && truncated.message.contains("truncated"))
    var flipped = bytes
    flipped[flipped.count / 2] ^= 0x40
    let corrupted = try #require(refusal(flipped))
    #expect(corrupted.message.contains("checksum"))
    let foreign = try #require(refusal(Data("GAMEDEF\nlimit\n".utf8)))
    #expect(foreign.code == .badFile)
    let checkpoint = try #require(refusal(solver.checkpointData()))
    #expect(checkpoint.message.contains("not a policy file"))
    #expect(throws: SolverError.self) { try PolicyFile.read(from: temporaryPath("missing.policy")) }
    // Found by fuzzing: a header length past Int.max trapped instead of being refused.
    var huge = bytes
    huge.replaceSubrange(12..<20, with: [0x7D, 0x01, 0, 0, 0xA3, 0xE5, 0x1E, 0xEA])
    let claims = try #require(refusal(huge))
    #expect(claims.code == .badFile && claims.message.contains("the header claims 16870173742418887037 bytes"))
  }

  @Test(arguments: [Algorithm.cfrPlus, .dcfr, .predictivePlus])
  func resumingFromACheckpointGivesTheSameBytes(algorithm: Algorithm) throws {
    let straight = CFRSolver(game: leduc, settings: SolverSettings(algorithm: algorithm))
    straight.iterate(200)
    let first = CFRSolver(game: leduc, settings: SolverSettings(algorithm: algorithm))
    first.iterate(100)
    let path = temporaryPath("run.checkpoint")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try first.writeCheckpoint(to: path)
    let (resumed, header) = try CFRSolver.resume(from: path)
    #expect(header.iteration == 100)
    resumed.iterate(100)
    #expect(resumed.iteration == 200)
    #expect(policyFile(resumed).encoded() == policyFile(straight).encoded())
    #expect(resumed.checkpointData() == straight.checkpointData())
  }

  @Test(arguments: [Algorithm.cfrPlus, .dcfr, .predictivePlus])
  func theHistorySolverResumesToTheSameBytes(algorithm: Algorithm) throws {
    let straight = try HistoryCFR(game: leduc, algorithm: algorithm)
    straight.iterate(60)
    let first = try HistoryCFR(game: leduc, algorithm: algorithm)
    first.iterate(30)
    let path = temporaryPath("history.checkpoint")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try first.writeCheckpoint(to: path, run: ["note": "kept"])
    let (resumed, header) = try HistoryCFR.resume(from: path)
    #expect(header.iteration == 30 && header.run == ["note": "kept"] && header.precision == "history")
    resumed.iterate(30)
    #expect(resumed.averagePolicy().probabilities == straight.averagePolicy().probabilities)
    #expect(resumed.checkpointData() == straight.checkpointData())
    // Neither solver reads the other's checkpoints.
    #expect(throws: SolverError.self) { try CFRSolver.resume(from: path) }
    var bytes = first.checkpointData()
    bytes[bytes.count - 9] ^= 1
    try bytes.write(to: URL(fileURLWithPath: path))
    #expect(throws: SolverError.self) { try HistoryCFR.resume(from: path) }
  }

  @Test func theHistorySolverRefusesAGameTooLargeToKeep() throws {
    #expect(throws: SolverError.self) { try HistoryCFR.checkSize(of: BundledGame.limitHoldem.definition) }
    try HistoryCFR.checkSize(of: BundledGame.leduc.definition)
  }

  @Test func aCorruptedCheckpointIsRefused() throws {
    let solver = CFRSolver(game: leduc, settings: SolverSettings(algorithm: .cfr))
    solver.iterate(3)
    var bytes = solver.checkpointData()
    bytes[40] ^= 1
    let path = temporaryPath("bad.checkpoint")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try bytes.write(to: URL(fileURLWithPath: path))
    #expect(throws: SolverError.self) { try CFRSolver.resume(from: path) }
  }

  @Test func exportNamesEveryInformationSetReadably() {
    let policy = Policy.uniform(leduc)
    let exported = policy.exportedProbabilities()
    #expect(exported.count == 936)
    let opening: [String: Double] = ["c": 0.5, "r": 0.5]
    let third = 1.0 / 3
    let facing: [String: Double] = ["f": third, "c": third, "r": third]
    #expect(exported["0:Qh::"] == opening)
    #expect(exported["1:Ks:r:"] == facing)
    #expect(exported["0:Ah:cc/:/Qs"] != nil)
  }
}
