import Basics
import Foundation

/// A solved spot: the spot, how it was solved, and the average strategy (the strategy sums),
/// enough to browse it again without solving.
///
/// Files use the checksummed container of policy files (magic `SKSPOT01`): a JSON header with the
/// spot file text and the run's figures, then the stored sums (``SpotGame/sumTableSize``) as
/// little-endian 32-bit floats. Version 2: nodes where the player decided before keep one row of
/// sums fewer (version 1 kept them all).
public struct SpotSolution: Sendable {
  /// The header: everything but the strategy.
  public struct Header: Codable, Sendable, Hashable {
    public var spot: String
    public var algorithm: String
    public var iterations: Int
    public var seconds: Double
    public var evaluation: SpotEvaluation
    /// Strategy sums in the body (``SpotGame/sumTableSize``).
    public var sumEntries: Int
  }

  public let header: Header
  /// The stored strategy sums (``SpotGame/sumTableSize`` of them).
  public let sums: [Float]

  static let magic = "SKSPOT01"
  static let version: UInt32 = 2

  /// The solution held by `solver` after `result`.
  public init(solver: SpotSolver, result: SpotSolver.RunResult) {
    header = Header(
      spot: solver.game.spot.text,
      algorithm: solver.algorithm == SpotSolver.dcfr ? "dcfr" : solver.algorithm.description,
      iterations: solver.iteration,
      seconds: result.seconds, evaluation: result.evaluation, sumEntries: solver.game.sumTableSize)
    sums = solver.strategySums()
  }

  /// Writes the solution atomically.
  public func write(to path: String) throws(SolverError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let headerData: Data
    do {
      headerData = try encoder.encode(header)
    } catch {
      throw SolverError(.io, "\(path): cannot encode the solution's header: \(error)")
    }
    var body = Data(capacity: sums.count * 4)
    for value in sums { BinaryFormat.append(&body, value.bitPattern) }
    try AtomicFile.save(
      BinaryFormat.encode(magic: Self.magic, version: Self.version, header: headerData, body: body), to: path)
  }

  /// Reads a solution file, checking its checksum and that its tables fit its spot.
  public init(contentsOf path: String) throws(SolverError) {
    let body: Data
    (header, body) = try BinaryFormat.read(
      path, magic: Self.magic, version: Self.version, what: "spot solution", header: Header.self)
    guard body.count == header.sumEntries * 4 else {
      throw SolverError(
        .badFile, "\(path): the strategy holds \(body.count / 4) entries; the header says \(header.sumEntries)")
    }
    var values = [Float](repeating: 0, count: header.sumEntries)
    body.withUnsafeBytes { raw in
      for index in 0..<values.count {
        values[index] = Float(
          bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
      }
    }
    sums = values
  }

  /// The algorithm a header names: `dcfr` (the spot solver's), `dcfr(α,β,γ)` or another name
  /// ``Algorithm/init(name:)`` reads; the default DCFR for anything else.
  public static func algorithm(named name: String) -> Algorithm {
    if name.hasPrefix("dcfr("), name.hasSuffix(")") {
      let numbers = name.dropFirst(5).dropLast().split(separator: ",").compactMap { Double($0) }
      if numbers.count == 3 { return .discounted(alpha: numbers[0], beta: numbers[1], gamma: numbers[2]) }
    }
    guard let algorithm = Algorithm(name: name), algorithm != .dcfr else { return SpotSolver.dcfr }
    return algorithm
  }

  /// Lays the spot out again and loads the strategy into a solver, ready to browse or evaluate.
  public func solver(maxMemory: Int = Int.max) throws -> SpotSolver {
    let spot = try Spot(parsing: header.spot, path: "the solution's spot")
    let game = try SpotGame(spot: spot, maxMemory: maxMemory)
    guard game.sumTableSize == header.sumEntries else {
      throw SolverError(
        .badFile,
        "the solution's spot lays out \(game.sumTableSize) strategy sums, the file holds \(header.sumEntries): it was written by another version of the tree builder"
      )
    }
    let solver = try SpotSolver(game: game, algorithm: Self.algorithm(named: header.algorithm))
    sums.withUnsafeBufferPointer { solver.sums.update(from: $0.baseAddress!, count: sums.count) }
    solver.restore(iteration: header.iterations)
    return solver
  }
}
