import Agents
import Arena
import BotProtocol
import Foundation
import PokerRules

/// A person against an agent, in this process: the referee deals from the seed, seats swap every
/// hand, the agent answers at once, and every finished hand is appended to the history (ACPC
/// `STATE:` lines and JSON lines).
public struct PlaySession {
  public var game: GameDefinition
  public var hands: Int
  public var seed: UInt64
  /// The history's files: `<history>.log` and `<history>.jsonl`.
  public var history: String

  public init(game: GameDefinition, hands: Int, seed: UInt64, history: String) {
    self.game = game
    self.hands = hands
    self.seed = seed
    self.history = history
  }

  /// Plays until the hands are done or the person quits; returns the hands finished.
  @discardableResult
  public func run(human: HumanPlayer, opponent: inout any Agent) throws(PlayError) -> Int {
    let names = ["you", human.opponentName]
    let header = "# skeptic play: seed \(seed), you against \(human.opponentName)"
    let log = try HistoryFile(path: history + ".log", header: header)
    let events = try HistoryFile(path: history + ".jsonl", header: nil)
    let referee = Referee(game: game, schedule: DealSchedule(seed: seed, duplicate: false, players: 2))
    var finished = 0
    for hand in 0..<hands {
      var play = HandInPlay(referee: referee, hand: hand)
      while let request = play.pending, let player = play.pendingPlayer {
        if player == 0 {
          switch human.decide(request) {
          case .quit: return finished
          case .action(let action):
            play.answer(.action(action.acpc(withSize: game.betting == .noLimit)), elapsedMs: 0)
          }
        } else {
          let action = opponent.answer(request, game: game)
          play.answer(.action(action.acpc(withSize: game.betting == .noLimit)), elapsedMs: 0)
        }
      }
      let record = play.record(names: names)
      try log.append(record.acpcLine)
      try events.append(record.jsonLine(pair: "you vs \(human.opponentName)"))
      finished += 1
      var goOn = true
      for (player, end) in play.endings() {
        if player == 0 { goOn = human.finished(end) } else { opponent.handEnded(end, game: game) }
      }
      if !goOn { break }
    }
    return finished
  }
}
