import BotProtocol
import Cards
import Foundation
import PokerRules

/// Plays hands under the rules, knowing every card, showing each seat only what it may see.
///
/// Conduct, as the ACPC dealer: a malformed or illegal action is played as a call, and a no-limit
/// raise outside the legal range as the nearest legal raise; either is counted and logged. A seat that times out or
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

  /// Plays hand `hand` with `players` (indexed as the match's players; seated by the schedule),
  /// one decision after another.
  public func play<P: SeatPlayer>(hand: Int, players: inout [P]) -> HandRecord {
    var play = HandInPlay(referee: self, hand: hand)
    while let request = play.pending, let player = play.pendingPlayer {
      let asked = ContinuousClock.now
      let reply = players[player].decide(request)
      let elapsed = ContinuousClock.now - asked
      play.answer(
        reply,
        elapsedMs: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000))
    }
    for (player, end) in play.endings() { players[player].handEnded(end) }
    return play.record(names: players.map(\.name))
  }

  /// Reads an action text under the rules; returns the action played and, when it had to be
  /// corrected, why: malformed or illegal → call; a raise out of range → the nearest legal
  /// raise total (as the ACPC dealer does).
  public static func interpret(_ text: String, legal: LegalActions, game: GameDefinition) -> (Action, String?) {
    // The usual answers, without trimming.
    switch text {
    case "c": return (.call, nil)
    case "f" where legal.canFold: return (.fold, nil)
    case "r" where game.betting == .limit && legal.raiseTo != nil: return (.raise(to: legal.raiseTo!.lowerBound), nil)
    default: break
    }
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    switch trimmed.first {
    case "f":
      if trimmed != "f" { return (.call, "not an action (played as a call)") }
      return (.call, "fold when checking is free (played as a call)")
    case "c", "k":
      return (.call, trimmed.count != 1 ? "not an action (played as a call)" : nil)
    case "r", "b":
      guard let range = legal.raiseTo else { return (.call, "no raise is legal here (played as a call)") }
      let digits = trimmed.dropFirst()
      if digits.isEmpty {
        if game.betting == .limit { return (.raise(to: range.lowerBound), nil) }
        return (
          .raise(to: range.lowerBound), "a no-limit raise needs its total (played as the smallest, \(range.lowerBound))"
        )
      }
      if game.betting == .limit { return (.raise(to: range.lowerBound), "a limit raise takes no size (played as r)") }
      guard let total = Int(digits) else { return (.call, "not an action (played as a call)") }
      let clamped = min(max(total, range.lowerBound), range.upperBound)
      if clamped == total { return (.raise(to: total), nil) }
      return (
        .raise(to: clamped),
        "raise to \(total) is outside \(range.lowerBound)...\(range.upperBound) (played as a raise to \(clamped))"
      )
    default:
      return (.call, "not an action (played as a call)")
    }
  }
}
