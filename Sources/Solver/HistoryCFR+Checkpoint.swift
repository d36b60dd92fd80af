import Basics
import Foundation

extension HistoryCFR: IterativeSolver {
  static let checkpointMagic = "SKHISTCK"
  static let checkpointVersion: UInt32 = 1
  /// The precision field of its checkpoints' headers.
  static let precisionName = "history"

  /// Everything needed to continue bit for bit: algorithm, iteration, regrets, sums, predictions.
  public func checkpointData(run: [String: String] = [:]) -> Data {
    let header = CFRSolver.CheckpointHeader(
      algorithm: algorithm, game: game, alternatingUpdates: true, precision: HistoryCFR.precisionName,
      iteration: iteration, run: run)
    var body = Data()
    for table in [regrets, sums, predictions] { table.withUnsafeBytes { body.append(contentsOf: $0) } }
    return BinaryFormat.encode(
      magic: HistoryCFR.checkpointMagic, version: HistoryCFR.checkpointVersion, header: header.encoded, body: body)
  }

  /// Writes a checkpoint atomically.
  public func writeCheckpoint(to path: String, run: [String: String]) throws(SolverError) {
    try AtomicFile.save(checkpointData(run: run), to: path)
  }

  /// Rebuilds a solver from a checkpoint file; refuses one that is truncated, corrupted or does
  /// not fit its own game.
  public static func resume(from path: String) throws(SolverError) -> (
    solver: HistoryCFR, header: CFRSolver.CheckpointHeader
  ) {
    let (header, body) = try BinaryFormat.read(
      path, magic: checkpointMagic, version: checkpointVersion, what: "history-solver checkpoint",
      header: CFRSolver.CheckpointHeader.self)
    guard let algorithm = header.recordedAlgorithm else {
      throw SolverError(.badFile, "\(path): unknown algorithm '\(header.algorithm)'")
    }
    let game = try CompiledGame.compile(embeddedIn: header.gameDefinition, file: path)
    let solver = try HistoryCFR(game: game, algorithm: algorithm)
    let count = solver.regrets.count
    guard body.count == 3 * count * 8 else {
      throw SolverError(
        .badFile, "\(path): the tables (\(body.count) bytes) do not fit the game (\(3 * count * 8) expected)")
    }
    body.withUnsafeBytes { raw in
      let values = (0..<3 * count).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self) }
      solver.regrets = Array(values[0..<count])
      solver.sums = Array(values[count..<2 * count])
      solver.predictions = Array(values[2 * count..<3 * count])
    }
    solver.iteration = header.iteration
    return (solver, header)
  }
}
