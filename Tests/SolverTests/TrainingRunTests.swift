import Foundation
import PokerRules
import Solver
import TestSupport
import Testing

@Suite struct TrainingRunTests {
  let kuhn = BundledGame.kuhn.definition

  func temporaryPath(_ name: String) -> String { Scratch.path(name) }

  var runs: [TrainingRun] {
    [
      TrainingRun(game: kuhn, method: .fast(precision: .single, threads: 2), algorithm: .dcfr),
      TrainingRun(game: kuhn, method: .fast(precision: .double, threads: 1), algorithm: .cfrPlus),
      TrainingRun(game: kuhn, method: .history, algorithm: .predictivePlus),
      TrainingRun(game: kuhn, method: .monteCarlo(.external, seed: 7)),
      TrainingRun(game: kuhn, method: .monteCarlo(.outcome(exploration: 0.4), seed: 7)),
    ]
  }

  @Test func everyKindResumesThroughTheRunToTheUninterruptedBits() throws {
    for run in runs {
      let straight = try run.start()
      straight.iterate(60)
      let first = try run.start()
      first.iterate(25)
      let path = temporaryPath("run.checkpoint")
      defer { try? FileManager.default.removeItem(atPath: path) }
      try first.writeCheckpoint(to: path, run: run.record)
      let resumed = try run.resume(from: path)
      #expect(resumed.iteration == 25, "\(run.algorithmName)")
      resumed.iterate(35)
      #expect(
        resumed.averagePolicy().probabilities == straight.averagePolicy().probabilities, "\(run.algorithmName)")
      let header = run.policyHeader(for: resumed, exploitability: 0.5)
      #expect(header.iterations == 60)
      #expect(header.precision == run.precisionName)
      #expect(header.gameDefinition == kuhn.text)
    }
  }

  @Test func aCheckpointOfAnotherSolverOrOtherSettingsIsRefusedByName() throws {
    let path = temporaryPath("other.checkpoint")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let sampled = TrainingRun(game: kuhn, method: .monteCarlo(.external, seed: 1))
    try sampled.start().writeCheckpoint(to: path, run: sampled.record)
    let fast = TrainingRun(game: kuhn, method: .fast(precision: .single, threads: 1))
    do {
      _ = try fast.resume(from: path)
      Issue.record("a Monte Carlo checkpoint resumed on the fast solver")
    } catch {
      #expect(error.message.contains("Monte Carlo CFR"), "\(error)")
    }
    let reseeded = TrainingRun(game: kuhn, method: .monteCarlo(.external, seed: 2))
    do {
      _ = try reseeded.resume(from: path)
      Issue.record("a checkpoint of seed 1 resumed as seed 2")
    } catch {
      #expect(error.code == .badParameter)
      #expect(error.message.contains("seed 1 (now 2)"), "\(error)")
    }
    let leduc = TrainingRun(game: BundledGame.leduc.definition, method: .monteCarlo(.external, seed: 1))
    do {
      _ = try leduc.resume(from: path)
      Issue.record("a Kuhn checkpoint resumed as Leduc")
    } catch {
      #expect(error.message.contains("another game"), "\(error)")
    }
  }

  @Test func theHistorySolverRefusesSimultaneousUpdates() {
    let run = TrainingRun(game: kuhn, method: .history, alternatingUpdates: false)
    #expect(throws: SolverError.self) { try run.start() }
  }

  @Test func theTrainersFinalEvaluationIsTheCurvesLastPoint() throws {
    let run = TrainingRun(game: kuhn, method: .fast(precision: .double, threads: 1), algorithm: .dcfr)
    let solver = try run.start()
    let trainer = Trainer(solver: solver, options: Trainer.Options(iterations: 130, evaluateEvery: 50))
    _ = try trainer.run { _ in }
    let final = try #require(trainer.final)
    #expect(trainer.curve.map(\.iteration) == [50, 100, 130])
    #expect(final.evaluation.exploitability == trainer.curve.last!.exploitability)
    #expect(final.policy.probabilities == solver.averagePolicy().probabilities)
    #expect(BestResponse(game: solver.game).evaluate(final.policy) == final.evaluation)
  }
}
