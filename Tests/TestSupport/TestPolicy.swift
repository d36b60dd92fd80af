import PokerRules
import Solver

/// Policy files for tests: a few iterations of a full-traversal solver, written as `skeptic
/// train` would write them.
public enum TestPolicy {
  /// The policy file of `solver`'s average strategy, its header filled as `skeptic train` fills it
  /// (``TrainingRun/policyHeader(for:exploitability:)``).
  public static func file(_ solver: CFRSolver) -> PolicyFile {
    let settings = solver.settings
    let run = TrainingRun(
      game: solver.game.definition, method: .fast(precision: settings.precision, threads: settings.threads),
      algorithm: settings.algorithm, alternatingUpdates: settings.alternatingUpdates)
    return PolicyFile(header: run.policyHeader(for: solver, exploitability: nil), policy: solver.averagePolicy())
  }

  /// Solves `game` for `iterations` iterations of `algorithm` and writes the policy to a new
  /// scratch path (or `path`), which it returns with the solver.
  @discardableResult
  public static func write(
    _ game: GameDefinition, iterations: Int, algorithm: Algorithm = .cfrPlus, to path: String? = nil
  ) throws -> (path: String, solver: CFRSolver) {
    let solver = CFRSolver(game: try CompiledGame.compile(game), settings: SolverSettings(algorithm: algorithm))
    solver.iterate(iterations)
    let path = path ?? Scratch.path("test.policy")
    try file(solver).write(to: path)
    return (path, solver)
  }
}
