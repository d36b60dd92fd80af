import Agents
import Arena
import BotProtocol
import Foundation
import PokerRules
import Solver
import TestSupport
import Testing

/// Seats an agent at an in-memory referee.
struct AgentSeat: SeatPlayer {
  var agent: any Agent
  let name: String
  let game: GameDefinition

  mutating func decide(_ request: Message.Decide) -> PlayerReply {
    guard let view = try? MatchState(parsing: request.matchState, game: game) else { return .action("c") }
    return .action(agent.act(request, view: view, game: game).acpc(withSize: game.betting == .noLimit))
  }

  mutating func handEnded(_ end: Message.HandEnd) { agent.handEnded(end, game: game) }
}

@Suite(.serialized) struct AdaptiveAgentTests {
  /// One fixed path, overwritten (atomically, with the same bytes) by each run: a static outlives
  /// every test, so a fresh scratch path would be left behind once per run.
  static let policyPath: String = try! TestPolicy.write(
    BundledGame.leduc.definition, iterations: 1_000,
    to: FileManager.default.temporaryDirectory.appendingPathComponent("skeptic-adaptive-agent-tests.policy").path
  ).path

  /// The first player's mean winnings per hand over `hands` hands.
  func play(_ first: any Agent, _ second: any Agent, hands: Int = 3_000) -> (mean: Double, first: any Agent) {
    let leduc = BundledGame.leduc.definition
    var seats = [AgentSeat(agent: first, name: "a", game: leduc), AgentSeat(agent: second, name: "b", game: leduc)]
    let referee = Referee(game: leduc, schedule: DealSchedule(seed: 77, duplicate: true, players: 2))
    var total = 0.0
    for hand in 0..<hands {
      let record = referee.play(hand: hand, players: &seats)
      total += record.payoffs[record.seating.firstIndex(of: 0)!]
    }
    return (total / Double(hands), seats[0].agent)
  }

  @Test(arguments: ["call", "raise", "random"])
  func adaptiveWinsMoreThanTheEquilibriumAgainstSimpleBots(opponent: String) throws {
    let equilibrium = play(try PolicyAgent(path: Self.policyPath, seed: 1), try AgentSpec.make(opponent, seed: 2)).mean
    let (adaptiveMean, agent) = play(
      try AdaptiveAgent(path: Self.policyPath, seed: 1), try AgentSpec.make(opponent, seed: 2))
    let adaptive = try #require(agent as? AdaptiveAgent)
    print(
      "against \(opponent): equilibrium \(equilibrium), adaptive \(adaptiveMean) chips/hand; \(adaptive.switches.first ?? "never switched")"
    )
    #expect(adaptive.isExploiting || !adaptive.switches.isEmpty)
    #expect(adaptiveMean > equilibrium, "against \(opponent): adaptive \(adaptiveMean) vs equilibrium \(equilibrium)")
  }

  @Test func againstTheEquilibriumItDoesNotLoseMeaningfully() throws {
    let (mean, agent) = play(
      try AdaptiveAgent(path: Self.policyPath, seed: 1), try PolicyAgent(path: Self.policyPath, seed: 9))
    let adaptive = try #require(agent as? AdaptiveAgent)
    print("against the equilibrium: adaptive \(mean) chips/hand; switches: \(adaptive.switches)")
    #expect(mean > -0.1)
  }
}
