/// How a ``CFRSolver`` runs.
public struct SolverSettings: Hashable, Sendable {
  /// Storage for regrets and average-strategy sums.
  public enum Precision: String, Hashable, Sendable, CaseIterable {
    /// 32-bit floats: 8 bytes per information-set action (12 for PCFR+).
    case single
    /// 64-bit floats: 16 bytes (24 for PCFR+); for runs to very small exploitability.
    case double
  }

  public var algorithm: Algorithm
  /// Players update in turn, each against the others' latest strategies (the default); when
  /// false, all players update at once from the same strategies.
  public var alternatingUpdates: Bool
  public var precision: Precision
  /// Worker threads. The children of a chance node write disjoint parts of the tables, so large
  /// ones are walked in parallel with a fixed assignment and their values summed in order: any
  /// thread count gives the same bits.
  public var threads: Int
  /// The least work (nodes below × hands) a chance node must have to be split across threads.
  public var parallelThreshold: Int

  public init(
    algorithm: Algorithm, alternatingUpdates: Bool = true, precision: Precision = .single, threads: Int = 1,
    parallelThreshold: Int = 20_000
  ) {
    self.algorithm = algorithm
    self.alternatingUpdates = alternatingUpdates
    self.precision = precision
    self.threads = max(1, threads)
    self.parallelThreshold = parallelThreshold
  }
}
