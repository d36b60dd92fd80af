import Basics
import Foundation
import PokerRules
import Randomness

extension MonteCarloCFR: IterativeSolver {
  struct CheckpointHeader: Codable {
    var format = "skeptic-mccfr-checkpoint"
    var gameDefinition: String
    var sampling: String
    var exploration: Double?
    var iteration: Int
    var generator: [UInt64]
    var slotCount: Int
    var run: [String: String]
  }

  static let checkpointMagic = "SKMCCFRC"

  /// The sampling scheme's name: `es-mccfr` or `os-mccfr`.
  public var samplingName: String {
    switch sampling {
    case .external: "es-mccfr"
    case .outcome: "os-mccfr"
    }
  }

  public func writeCheckpoint(to path: String, run: [String: String]) throws(SolverError) {
    var exploration: Double?
    if case .outcome(let value) = sampling { exploration = value }
    let state = generator.state
    let header = CheckpointHeader(
      gameDefinition: game.definition.text, sampling: samplingName, exploration: exploration, iteration: iteration,
      generator: [state.0, state.1, state.2, state.3], slotCount: game.slotCount, run: run)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let headerData = (try? encoder.encode(header)) ?? Data()
    var body = Data(bytes: regrets, count: game.slotCount * 4)
    body.append(Data(bytes: sums, count: game.slotCount * 4))
    try AtomicFile.save(
      BinaryFormat.encode(magic: MonteCarloCFR.checkpointMagic, version: 1, header: headerData, body: body), to: path)
  }

  /// Rebuilds a sampler from its checkpoint, generator state included.
  public static func resume(from path: String) throws(SolverError) -> (solver: MonteCarloCFR, run: [String: String]) {
    let (header, body) = try BinaryFormat.read(
      path, magic: checkpointMagic, version: 1, what: "MCCFR checkpoint", header: CheckpointHeader.self)
    guard header.generator.count == 4 else {
      throw SolverError(.badFile, "\(path): the header's generator state is not four words")
    }
    let game = try CompiledGame.compile(embeddedIn: header.gameDefinition, file: path)
    let sampling: Sampling =
      header.sampling == "os-mccfr" ? .outcome(exploration: header.exploration ?? 0.6) : .external
    let solver = MonteCarloCFR(game: game, sampling: sampling, seed: 0)
    guard game.slotCount == header.slotCount, body.count == game.slotCount * 8 else {
      throw SolverError(.badFile, "\(path): the tables do not fit the game")
    }
    BinaryFormat.copyFloatTables(body, into: [solver.regrets, solver.sums], count: game.slotCount)
    solver.iteration = header.iteration
    solver.generator = SeededGenerator(
      state: (header.generator[0], header.generator[1], header.generator[2], header.generator[3]))
    return (solver, header.run)
  }
}
