import PokerRules

/// One training run of an exact-game solver as a value: the game, the solver and its
/// algorithm with every parameter, and how the run is recorded. It builds a fresh solver or
/// resumes one from any checkpoint (one reader for the three kinds, refusing a checkpoint that
/// another kind of solver or other settings wrote), and fills the policy file's header.
public struct TrainingRun: Sendable, Hashable {
  /// Which solver, with what only it takes.
  public enum Method: Sendable, Hashable {
    /// ``CFRSolver``: sums over hands on the compiled tree; `precision` of its tables and the
    /// worker threads (any count gives the same bits).
    case fast(precision: SolverSettings.Precision, threads: Int)
    /// ``HistoryCFR``: every history in OpenSpiel's order (double precision, one thread).
    case history
    /// ``MonteCarloCFR`` with its sampling scheme and seed.
    case monteCarlo(MonteCarloCFR.Sampling, seed: UInt64)
  }

  public var game: GameDefinition
  public var method: Method
  /// The full-traversal algorithm with its parameters (unused by Monte Carlo CFR).
  public var algorithm: Algorithm
  /// Players update in turn (true) or all at once.
  public var alternatingUpdates: Bool

  public init(game: GameDefinition, method: Method, algorithm: Algorithm = .cfrPlus, alternatingUpdates: Bool = true) {
    self.game = game
    self.method = method
    self.algorithm = algorithm
    self.alternatingUpdates = alternatingUpdates
  }

  /// The kind of checkpoint this run writes.
  public var kind: CheckpointKind {
    switch method {
    case .fast: .fast
    case .history: .history
    case .monteCarlo: .monteCarlo
    }
  }

  /// The algorithm's name as reports print it: `dcfr(α=1.5, β=0, γ=2)`, `cfr+`, `es-mccfr`.
  public var algorithmName: String {
    switch method {
    case .monteCarlo(.external, _): "es-mccfr"
    case .monteCarlo(.outcome, _): "os-mccfr"
    case .fast, .history: algorithm.description
    }
  }

  /// What the tables are stored as: `single`, `double` or `history`.
  public var precisionName: String {
    switch method {
    case .fast(let precision, _): precision.rawValue
    case .history: HistoryCFR.precisionName
    case .monteCarlo: SolverSettings.Precision.single.rawValue
    }
  }

  /// What checkpoints record of the run; a resume must match it exactly.
  public var record: [String: String] {
    var record = [
      "game": game.text, "algorithm": algorithmName, "precision": precisionName,
      "simultaneous": String(!alternatingUpdates),
    ]
    if case .monteCarlo(let sampling, let seed) = method {
      record["seed"] = String(seed)
      if case .outcome(let exploration) = sampling { record["exploration"] = String(exploration) }
    }
    return record
  }

  /// A solver at iteration zero.
  public func start() throws(SolverError) -> any IterativeSolver {
    switch method {
    case .fast(let precision, let threads):
      return CFRSolver(
        game: try CompiledGame.compile(game),
        settings: SolverSettings(
          algorithm: algorithm, alternatingUpdates: alternatingUpdates, precision: precision, threads: threads))
    case .history:
      guard alternatingUpdates else {
        throw SolverError(.badParameter, "the history solver updates the players in turn, not all at once")
      }
      try HistoryCFR.checkSize(of: game)
      return try HistoryCFR(game: try CompiledGame.compile(game), algorithm: algorithm)
    case .monteCarlo(let sampling, let seed):
      return MonteCarloCFR(game: try CompiledGame.compile(game), sampling: sampling, seed: seed)
    }
  }

  /// The solver saved in the checkpoint at `path`, where this run left it. A checkpoint that
  /// another kind of solver wrote, or one with other settings, is refused by name.
  public func resume(from path: String) throws(SolverError) -> any IterativeSolver {
    if let writer = CheckpointKind.of(file: path), writer != kind {
      throw SolverError(
        .badParameter,
        "\(path) was written by \(writer.solverName); resume it with the same solver and algorithm")
    }
    let solver: any IterativeSolver
    let recorded: [String: String]
    switch method {
    case .fast(_, let threads):
      let (fast, header) = try CFRSolver.resume(from: path, threads: threads)
      (solver, recorded) = (fast, header.run)
    case .history:
      let (history, header) = try HistoryCFR.resume(from: path)
      (solver, recorded) = (history, header.run)
    case .monteCarlo:
      (solver, recorded) = try MonteCarloCFR.resume(from: path)
    }
    guard recorded == record else {
      let differing = Set(record.keys).union(recorded.keys).filter { record[$0] != recorded[$0] }.sorted()
      var shown = differing.filter { $0 != "game" }.map {
        "\($0) \(recorded[$0] ?? "none") (now \(record[$0] ?? "none"))"
      }
      if differing.contains("game") { shown.insert("another game", at: 0) }
      throw SolverError(
        .badParameter,
        "\(path) was written by a run with other settings: \(shown.joined(separator: ", ")); resume with the same game, algorithm, seed, precision and update order"
      )
    }
    return solver
  }

  /// The policy file's header for `solver`'s average strategy, whose exploitability (chips per
  /// game) is `exploitability`.
  public func policyHeader(for solver: any IterativeSolver, exploitability: Double?) -> PolicyFile.Header {
    var name = algorithmName
    if case .monteCarlo(_, let seed) = method { name += " seed \(seed)" }
    return PolicyFile.Header(
      gameDefinition: game.text, algorithm: name, alternatingUpdates: alternatingUpdates, precision: precisionName,
      iterations: solver.iteration, exploitability: exploitability, slotCount: solver.game.slotCount,
      handCount: solver.game.hands.count)
  }
}
