import BotProtocol
import Cards
import PokerRules

/// One hand under way, advanced one decision at a time, so that the arena can keep many hands in
/// flight and answer each when its bot replies. The referee's rules of conduct apply: a malformed
/// or illegal action is played as a call, a no-limit raise out of range as the nearest legal one
/// (each counted and kept with its text),
/// and a seat that timed out or disconnected folds (checks when it may) for the rest of the hand.
public struct HandInPlay: Sendable {
  public let hand: Int
  /// Player indices (into the match's players) by seat.
  public let seating: [Int]
  let game: GameDefinition
  let deck: [Card]
  var dealt = 0
  var state: State
  var corrected: [Int]
  var invalid: [InvalidAction] = []
  var failures: [String?]
  /// Milliseconds each seat has used over this hand.
  var used: [Int]
  var nextID: Int
  let actionTimeMs: Int
  let handTimeMs: Int
  /// The decision awaited, if any: the seat's request.
  public private(set) var pending: Message.Decide?

  public init(referee: Referee, hand: Int) {
    self.hand = hand
    game = referee.game
    seating = referee.schedule.seating(for: hand)
    deck = referee.schedule.deck(for: hand, game: referee.game)
    state = State(game: referee.game)
    corrected = Array(repeating: 0, count: referee.game.numPlayers)
    failures = Array(repeating: nil, count: referee.game.numPlayers)
    used = Array(repeating: 0, count: referee.game.numPlayers)
    nextID = hand * 1_000
    actionTimeMs = referee.actionTimeMs
    handTimeMs = referee.handTimeMs
    advance()
  }

  public var isFinished: Bool { state.isTerminal }

  /// The player (match index) whose decision is awaited.
  public var pendingPlayer: Int? { pending.map { seating[$0.seat] } }

  /// Plays the answer to the pending decision, which took `elapsedMs`, and moves on to the next
  /// decision or the end of the hand.
  public mutating func answer(_ reply: PlayerReply, elapsedMs: Int) {
    guard let request = pending else { return }
    let seat = request.seat
    let legal = state.legalActions!
    used[seat] += elapsedMs
    var action = Action.call
    switch reply {
    case .action(let text):
      let (chosen, why) = Referee.interpret(text, legal: legal, game: game)
      action = chosen
      if let why {
        corrected[seat] += 1
        invalid.append(
          InvalidAction(seat: seat, text: String(decoding: text.utf8.prefix(80), as: UTF8.self), reason: why))
      }
    case .unreadable(let text, let why):
      corrected[seat] += 1
      invalid.append(InvalidAction(seat: seat, text: text, reason: "\(why) (played as a call)"))
    case .timedOut:
      failures[seat] = "timed out"
      action = legal.canFold ? .fold : .call
    case .disconnected:
      failures[seat] = "disconnected"
      action = legal.canFold ? .fold : .call
    case .left:
      failures[seat] = "left the match"
      action = legal.canFold ? .fold : .call
    }
    pending = nil
    try! state.apply(action)
    advance()
  }

  /// Deals cards and plays the moves of failed seats until a decision is due or the hand ends.
  mutating func advance() {
    while !state.isTerminal {
      if state.isChanceNode {
        try! state.deal(deck[dealt])
        dealt += 1
        continue
      }
      let seat = state.currentPlayer
      let legal = state.legalActions!
      if failures[seat] != nil {
        try! state.apply(legal.canFold ? .fold : .call)
        continue
      }
      nextID += 1
      let view = MatchState(state: state, viewer: seat, handNumber: hand)
      pending = Message.Decide(
        id: nextID, hand: hand, matchState: view.description, seat: seat,
        legal: .init(
          fold: legal.canFold, call: legal.callAmount, raise: legal.raiseTo.map { [$0.lowerBound, $0.upperBound] }),
        pot: state.pot, stacks: (0..<game.numPlayers).map { state.stackLeft($0) },
        timeLeftMs: max(0, min(actionTimeMs, handTimeMs - used[seat])))
      return
    }
  }

  /// What each seat that did not fail is told at the end: (player index, message).
  public func endings() -> [(player: Int, end: Message.HandEnd)] {
    guard let payoffs = state.payoffs else { return [] }
    return (0..<game.numPlayers).filter { failures[$0] == nil }.map { seat in
      let view = MatchState(state: state, viewer: seat, handNumber: hand)
      return (seating[seat], Message.HandEnd(hand: hand, matchState: view.description, seat: seat, payoffs: payoffs))
    }
  }

  /// The finished hand as the logs record it; `names` are the match's player names.
  public func record(names: [String]) -> HandRecord {
    var everything = MatchState(state: state, viewer: 0, handNumber: hand)
    everything.holeCards = state.holeCards.map { Optional($0) }
    var betting: [UInt8] = []
    everything.appendBetting(to: &betting)
    var cards: [UInt8] = []
    everything.appendCards(to: &cards)
    return HandRecord(
      hand: hand, names: seating.map { names[$0] }, seating: seating, betting: String(decoding: betting, as: UTF8.self),
      cards: String(decoding: cards, as: UTF8.self),
      payoffs: state.payoffs ?? [], corrected: corrected, failures: failures, invalid: invalid)
  }
}
