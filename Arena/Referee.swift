import BotProtocol
import Cards
import Foundation
import PokerRules

/// Plays hands under the rules, knowing every card, showing each seat only what it may see.
///
/// Conduct, as the ACPC dealer: a malformed or illegal action is played as a call and counted;
/// a no-limit raise outside the legal range is clamped into it. A seat that times out or
/// disconnects folds (checks when it may) for the rest of the hand, and the failure is recorded.
public struct Referee: Sendable {
  public let game: GameDefinition
  public let schedule: DealSchedule
  /// Milliseconds a seat may take per action, and in all over one hand (reported to bots as the
  /// time left for each decision).
  public var actionTimeMs = 10_000
  public var handTimeMs = 60_000

  public init(game: GameDefinition, schedule: DealSchedule) {
    self.game = game
    self.schedule = schedule
  }

  /// Plays hand `hand` with `players` (indexed as the match's players; seated by the schedule).
  public func play<P: SeatPlayer>(hand: Int, players: inout [P]) -> HandRecord {
    let seating = schedule.seating(for: hand)
    var deck = schedule.deck(for: hand, game: game).makeIterator()
    var state = State(game: game)
    var corrected = [Int](repeating: 0, count: game.numPlayers)
    var failures = [String?](repeating: nil, count: game.numPlayers)
    var requestID = hand * 1_000
    var used = [Int](repeating: 0, count: game.numPlayers)
    while !state.isTerminal {
      if state.isChanceNode {
        try! state.deal(deck.next()!)
        continue
      }
      let seat = state.currentPlayer
      let legal = state.legalActions!
      var action = Action.call
      if failures[seat] != nil {
        action = legal.canFold ? .fold : .call
      } else {
        requestID += 1
        let view = MatchState(state: state, viewer: seat, handNumber: hand)
        let request = Message.Decide(
          id: requestID, hand: hand, matchState: view.description, seat: seat,
          legal: .init(
            fold: legal.canFold, call: legal.callAmount, raise: legal.raiseTo.map { [$0.lowerBound, $0.upperBound] }),
          pot: state.pot, stacks: (0..<game.numPlayers).map { state.stackLeft($0) },
          timeLeftMs: max(0, min(actionTimeMs, handTimeMs - used[seat])))
        let asked = Date()
        let reply = players[seating[seat]].decide(request)
        used[seat] += Int(Date().timeIntervalSince(asked) * 1000)
        switch reply {
        case .action(let text):
          let (chosen, wasCorrected) = Referee.interpret(text, legal: legal, game: game)
          action = chosen
          if wasCorrected { corrected[seat] += 1 }
        case .timedOut:
          failures[seat] = "timed out"
          action = legal.canFold ? .fold : .call
        case .disconnected:
          failures[seat] = "disconnected"
          action = legal.canFold ? .fold : .call
        }
      }
      try! state.apply(action)
    }
    let payoffs = state.payoffs!
    for seat in 0..<game.numPlayers where failures[seat] == nil {
      let view = MatchState(state: state, viewer: seat, handNumber: hand)
      players[seating[seat]].handEnded(.init(hand: hand, matchState: view.description, seat: seat, payoffs: payoffs))
    }
    let full = MatchState(state: state, viewer: 0, handNumber: hand)
    var everything = full
    everything.holeCards = state.holeCards.map { Optional($0) }
    let text = everything.description.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
    return HandRecord(
      hand: hand, names: seating.map { players[$0].name }, seating: seating, betting: String(text[3]),
      cards: String(text[4]), payoffs: payoffs, corrected: corrected, failures: failures)
  }

  /// Reads an action text under the rules; returns the action played and whether it had to be
  /// corrected (malformed or illegal → call; raise out of range → clamped).
  public static func interpret(_ text: String, legal: LegalActions, game: GameDefinition) -> (Action, Bool) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    switch trimmed.first {
    case "f":
      return trimmed == "f" && legal.canFold ? (.fold, false) : (.call, true)
    case "c", "k":
      return (.call, trimmed.count != 1)
    case "r", "b":
      guard let range = legal.raiseTo else { return (.call, true) }
      let digits = trimmed.dropFirst()
      if digits.isEmpty { return (.raise(to: range.lowerBound), game.betting == .noLimit) }
      guard let total = Int(digits) else { return (.call, true) }
      let clamped = min(max(total, range.lowerBound), range.upperBound)
      return (.raise(to: clamped), clamped != total)
    default:
      return (.call, true)
    }
  }
}
