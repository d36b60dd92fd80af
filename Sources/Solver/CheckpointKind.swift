import Foundation

/// Which solver wrote a checkpoint, read from the file's magic bytes, so that a resume with the
/// wrong solver can be refused by name before any bytes are decoded.
public enum CheckpointKind: String, Sendable, CaseIterable {
  /// ``CFRSolver`` (cfr, cfr+, lcfr, dcfr, pcfr+ on the compiled tree).
  case fast
  /// ``HistoryCFR``.
  case history
  /// ``MonteCarloCFR`` (external or outcome sampling).
  case monteCarlo

  var magic: String {
    switch self {
    case .fast: CFRSolver.checkpointMagic
    case .history: HistoryCFR.checkpointMagic
    case .monteCarlo: MonteCarloCFR.checkpointMagic
    }
  }

  /// The kind of the checkpoint at `path`, or nil when it is unreadable or starts otherwise.
  public static func of(file path: String) -> CheckpointKind? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    let start = String(decoding: handle.readData(ofLength: 8), as: UTF8.self)
    return allCases.first { $0.magic == start }
  }
}

extension CheckpointKind {
  /// The solver that writes this kind, as the command line names it.
  public var solverName: String {
    switch self {
    case .fast: "the fast solver (--solver fast with cfr, cfr+, lcfr, dcfr or pcfr+)"
    case .history: "the history solver (--solver history)"
    case .monteCarlo: "Monte Carlo CFR (es-mccfr or os-mccfr)"
    }
  }
}
