import Foundation

/// What ``Trainer`` needs from a solver: iterate, report, checkpoint.
public protocol IterativeSolver: AnyObject {
  var game: CompiledGame { get }
  /// Iterations completed.
  var iteration: Int { get }
  /// Runs `count` more iterations.
  func iterate(_ count: Int)
  /// The average strategy so far.
  func averagePolicy() -> Policy
  /// Bytes of state per information-set action.
  var bytesPerSlot: Int { get }
  /// Writes everything needed to continue bit for bit.
  func writeCheckpoint(to path: String, run: [String: String]) throws(SolverError)
}

extension CFRSolver: IterativeSolver {}
