import Basics
import Foundation
import PokerRules

extension CFRSolver {
  /// What a checkpoint records besides the solver's tables.
  public struct CheckpointHeader: Codable, Sendable, Hashable {
    public var format = "skeptic-checkpoint"
    public var gameDefinition: String
    public var algorithm: String
    public var alpha: Double?
    public var beta: Double?
    public var gamma: Double?
    public var alternatingUpdates: Bool
    public var precision: String
    public var iteration: Int
    public var slotCount: Int
    /// Settings of the run that wrote it (the CLI records its arguments, to refuse a resume
    /// under different ones).
    public var run: [String: String]
  }

  static let checkpointMagic = "SKCHKPNT"
  static let checkpointVersion: UInt32 = 1

  /// Everything needed to continue bit for bit: settings, iteration, regrets, sums, predictions.
  public func checkpointData(run: [String: String] = [:]) -> Data {
    let header = CheckpointHeader(
      algorithm: settings.algorithm, game: game, alternatingUpdates: settings.alternatingUpdates,
      precision: settings.precision.rawValue, iteration: iteration, run: run)
    let headerData = header.encoded
    let bytes = tableBytes
    var body = Data(bytes: regrets, count: bytes)
    body.append(Data(bytes: sums, count: bytes))
    if let predictions { body.append(Data(bytes: predictions, count: bytes)) }
    return BinaryFormat.encode(
      magic: CFRSolver.checkpointMagic, version: CFRSolver.checkpointVersion, header: headerData, body: body)
  }

  /// Writes a checkpoint atomically.
  public func writeCheckpoint(to path: String, run: [String: String] = [:]) throws(SolverError) {
    try AtomicFile.save(checkpointData(run: run), to: path)
  }

  /// The bytes of one table (regrets, sums or predictions).
  var tableBytes: Int { game.slotCount * (settings.precision == .single ? 4 : 8) }

  /// Rebuilds a solver from a checkpoint file; refuses one that is truncated, corrupted or does
  /// not fit its own game.
  public static func resume(from path: String, threads: Int = 1) throws(SolverError) -> (
    solver: CFRSolver, header: CheckpointHeader
  ) {
    let (header, body) = try BinaryFormat.read(
      path, magic: checkpointMagic, version: checkpointVersion, what: "checkpoint", header: CheckpointHeader.self)
    guard let algorithm = header.recordedAlgorithm,
      let precision = SolverSettings.Precision(rawValue: header.precision)
    else {
      throw SolverError(.badFile, "\(path): unknown algorithm '\(header.algorithm)' or precision '\(header.precision)'")
    }
    let game = try CompiledGame.compile(embeddedIn: header.gameDefinition, file: path)
    let solver = CFRSolver(
      game: game,
      settings: SolverSettings(
        algorithm: algorithm, alternatingUpdates: header.alternatingUpdates, precision: precision, threads: threads))
    let tables = solver.predictions == nil ? 2 : 3
    guard game.slotCount == header.slotCount, body.count == tables * solver.tableBytes else {
      throw SolverError(
        .badFile,
        "\(path): the tables (\(body.count) bytes) do not fit the game (\(tables * solver.tableBytes) expected)")
    }
    body.withUnsafeBytes { raw in
      let bytes = solver.tableBytes
      solver.regrets.copyMemory(from: raw.baseAddress!, byteCount: bytes)
      solver.sums.copyMemory(from: raw.baseAddress! + bytes, byteCount: bytes)
      solver.predictions?.copyMemory(from: raw.baseAddress! + 2 * bytes, byteCount: bytes)
    }
    solver.iteration = header.iteration
    return (solver, header)
  }
}

extension CFRSolver.CheckpointHeader {
  init(
    algorithm: Algorithm, game: CompiledGame, alternatingUpdates: Bool, precision: String, iteration: Int,
    run: [String: String]
  ) {
    var parameters: (Double, Double, Double)?
    if case .discounted(let alpha, let beta, let gamma) = algorithm { parameters = (alpha, beta, gamma) }
    self.init(
      gameDefinition: game.definition.text, algorithm: algorithm.familyName, alpha: parameters?.0,
      beta: parameters?.1, gamma: parameters?.2, alternatingUpdates: alternatingUpdates,
      precision: precision, iteration: iteration, slotCount: game.slotCount, run: run)
  }

  /// The algorithm the header names, with its DCFR parameters; nil for an unknown name.
  var recordedAlgorithm: Algorithm? {
    guard let named = Algorithm(name: algorithm) else { return nil }
    if case .discounted = named, let alpha, let beta, let gamma {
      return .discounted(alpha: alpha, beta: beta, gamma: gamma)
    }
    return named
  }

  /// The header as sorted JSON.
  var encoded: Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(self)) ?? Data()
  }
}

extension Algorithm {
  /// The name without parameters: `cfr`, `cfr+`, `lcfr`, `dcfr`, `pcfr+`.
  public var familyName: String {
    switch self {
    case .cfr: "cfr"
    case .cfrPlus: "cfr+"
    case .predictivePlus: "pcfr+"
    case .discounted(1, 1, 1): "lcfr"
    case .discounted: "dcfr"
    }
  }
}
