import Dispatch
import Foundation
import PokerRules
import Solver
import TestSupport
import Testing

@Suite struct MonteCarloTests {
  let leduc = try! CompiledGame.compile(BundledGame.leduc.definition)

  func bytes(_ policy: Policy) -> [UInt64] { policy.probabilities.map(\.bitPattern) }

  @Test func externalSamplingReachesLowExploitabilityWithinTenSeconds() {
    let solver = MonteCarloCFR(game: leduc, sampling: .external, seed: 42)
    let start = DispatchTime.now().uptimeNanoseconds
    var exploitability = Double.infinity
    while exploitability >= 0.05 && DispatchTime.now().uptimeNanoseconds - start < 10_000_000_000 {
      solver.iterate(20_000)
      exploitability = BestResponse(game: leduc).exploitability(solver.averagePolicy())
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print("external sampling: exploitability \(exploitability) after \(solver.iteration) iterations, \(seconds) s")
    #expect(exploitability < 0.05)
  }

  @Test func outcomeSamplingImprovesOnUniform() {
    let solver = MonteCarloCFR(game: leduc, sampling: .outcome(exploration: 0.6), seed: 7)
    solver.iterate(200_000)
    let exploitability = BestResponse(game: leduc).exploitability(solver.averagePolicy())
    print("outcome sampling: exploitability \(exploitability) after 200000 iterations")
    #expect(exploitability < 0.5)
  }

  @Test(arguments: [MonteCarloCFR.Sampling.external, .outcome(exploration: 0.6)])
  func theSameSeedGivesTheSamePolicyBytes(sampling: MonteCarloCFR.Sampling) {
    let first = MonteCarloCFR(game: leduc, sampling: sampling, seed: 99)
    let second = MonteCarloCFR(game: leduc, sampling: sampling, seed: 99)
    let other = MonteCarloCFR(game: leduc, sampling: sampling, seed: 100)
    first.iterate(5_000)
    second.iterate(5_000)
    other.iterate(5_000)
    #expect(bytes(first.averagePolicy()) == bytes(second.averagePolicy()))
    #expect(bytes(first.averagePolicy()) != bytes(other.averagePolicy()))
  }

  @Test func kuhnExternalSamplingApproachesTheGameValue() throws {
    let kuhn = try CompiledGame.compile(BundledGame.kuhn.definition)
    let solver = MonteCarloCFR(game: kuhn, sampling: .external, seed: 1)
    solver.iterate(200_000)
    let result = BestResponse(game: kuhn).evaluate(solver.averagePolicy())
    #expect(result.exploitability < 0.01)
    #expect(abs(result.policyValues[0] - -1.0 / 18) < 0.01)
  }
}

@Suite struct MonteCarloCheckpointTests {
  @Test(arguments: [MonteCarloCFR.Sampling.external, .outcome(exploration: 0.6)])
  func resumingGivesTheSameBytes(sampling: MonteCarloCFR.Sampling) throws {
    let leduc = try CompiledGame.compile(BundledGame.leduc.definition)
    let straight = MonteCarloCFR(game: leduc, sampling: sampling, seed: 5)
    straight.iterate(2_000)
    let first = MonteCarloCFR(game: leduc, sampling: sampling, seed: 5)
    first.iterate(1_000)
    let path = Scratch.path("mccfr.checkpoint")
    defer { try? FileManager.default.removeItem(atPath: path) }
    try first.writeCheckpoint(to: path, run: ["seed": "5"])
    let (resumed, run) = try MonteCarloCFR.resume(from: path)
    #expect(run == ["seed": "5"] && resumed.iteration == 1_000)
    resumed.iterate(1_000)
    #expect(
      resumed.averagePolicy().probabilities.map(\.bitPattern)
        == straight.averagePolicy().probabilities.map(\.bitPattern))
  }
}
