import Basics
import Foundation

extension SolverError {
  /// The solver's error for a failed write: the same text, code `.io`, or `.badFile` for JSON.
  init(_ error: BasicsError) {
    self.init(error.code == .io ? .io : .badFile, error.message)
  }
}

extension AtomicFile {
  /// ``AtomicFile/write(_:to:)`` for the solver's files, its error as a ``SolverError``.
  static func save(_ data: Data, to path: String) throws(SolverError) {
    do { try write(data, to: path) } catch { throw SolverError(error) }
  }
}
