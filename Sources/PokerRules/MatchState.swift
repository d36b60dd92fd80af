import Cards

/// One player's view of a hand in ACPC's text form:
/// `MATCHSTATE:<position>:<hand number>:<betting>:<cards>`.
///
/// `betting` holds each reached round's actions separated by `/` (`f`, `c`, `r`; no-limit raises
/// carry their total, `r250`). `cards` holds each seat's hole cards separated by `|` (empty where
/// the viewer may not see them), then `/` and the board cards of each round after the first (and
/// of the first round too, in the rare games that deal board cards before any betting).
public struct MatchState: Hashable, Sendable, CustomStringConvertible {
  /// The viewer's seat in this hand.
  public var position: Int
  /// The hand's number in the match.
  public var handNumber: Int
  /// Actions per round reached.
  public var actions: [[Action]]
  /// Hole cards per seat; nil where hidden from the viewer.
  public var holeCards: [[Card]?]
  /// Board cards per round reached.
  public var boardCards: [[Card]]
  /// Whether raises are written with their totals (no-limit).
  public var raiseSizesWritten: Bool
  /// Whether the first round's board is written (games dealing board cards in round one).
  public var writesFirstRoundBoard: Bool

  /// The view of `state` from `viewer`: its own hole cards, and at a showdown every hole card of
  /// the players still in.
  public init(state: State, viewer: Int, handNumber: Int) {
    position = viewer
    self.handNumber = handNumber
    actions = state.actions
    let showdown = state.isTerminal && state.activeCount > 1
    holeCards = (0..<state.game.numPlayers).map { seat in
      seat == viewer || (showdown && !state.folded[seat]) ? state.holeCards[seat] : nil
    }
    boardCards = (0...state.round).map { Array(state.boardCards(ofRound: $0)) }
    raiseSizesWritten = state.game.betting == .noLimit
    writesFirstRoundBoard = state.game.boardCards[0] > 0
  }

  /// The ACPC text.
  public var description: String {
    var out: [UInt8] = []
    out.reserveCapacity(64)
    appendText(to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the ACPC text (``description``) to `out` as UTF-8, without building a `String`.
  public func appendText(to out: inout [UInt8]) {
    out.append(contentsOf: "MATCHSTATE:".utf8)
    out.append(contentsOf: String(position).utf8)
    out.append(UInt8(ascii: ":"))
    out.append(contentsOf: String(handNumber).utf8)
    out.append(UInt8(ascii: ":"))
    appendBetting(to: &out)
    out.append(UInt8(ascii: ":"))
    appendCards(to: &out)
  }

  /// Appends the betting field (each round's actions, rounds separated by `/`).
  public func appendBetting(to out: inout [UInt8]) {
    for (round, moves) in actions.enumerated() {
      if round > 0 { out.append(UInt8(ascii: "/")) }
      for move in moves {
        switch move {
        case .fold: out.append(UInt8(ascii: "f"))
        case .call: out.append(UInt8(ascii: "c"))
        case .raise(let to):
          out.append(UInt8(ascii: "r"))
          if raiseSizesWritten { out.append(contentsOf: String(to).utf8) }
        }
      }
    }
  }

  /// Appends the cards field (hole cards by seat separated by `|`, then each round's board).
  public func appendCards(to out: inout [UInt8]) {
    for (seat, cards) in holeCards.enumerated() {
      if seat > 0 { out.append(UInt8(ascii: "|")) }
      for card in cards ?? [] { card.appendASCII(to: &out) }
    }
    for (round, board) in boardCards.enumerated() where round > 0 || writesFirstRoundBoard {
      out.append(UInt8(ascii: "/"))
      for card in board { card.appendASCII(to: &out) }
    }
  }
}
