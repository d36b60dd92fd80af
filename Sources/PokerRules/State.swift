import Cards

/// The full state of one hand, as the referee sees it: every card dealt, every action, every chip.
///
/// A hand starts with blinds posted and no cards. ``nextDeal`` says when cards are due (each
/// player's hole cards, then each round's board), ``legalActions`` what the player to act may do,
/// and ``payoffs`` what each player won once ``isTerminal``. States are values: applying a move to
/// a copy leaves the original as it was, which is what tree walks need.
public struct State: Hashable, Sendable {
  /// The rules.
  public let game: GameDefinition
  /// Each seat's hole cards, as dealt so far.
  public internal(set) var holeCards: [[Card]]
  /// The board cards dealt so far, all rounds together in deal order.
  public internal(set) var board: [Card]
  /// The actions of each round reached so far.
  public internal(set) var actions: [[Action]]
  /// The seat that made each action, parallel to ``actions``.
  public internal(set) var actors: [[Int]]
  /// Chips each seat has put in the pot, blinds included.
  public internal(set) var spent: [Int]
  /// Seats that have folded.
  public internal(set) var folded: [Bool]
  /// The current betting round, 0-based.
  public internal(set) var round: Int
  /// The seat to act when a decision is due.
  public internal(set) var currentPlayer: Int
  /// True once no more betting can happen (a fold left one player, or the last round closed, or
  /// every remaining player but one is all in).
  public internal(set) var bettingOver: Bool

  /// True for a public state: hole cards are private and never dealt, so the state walks only
  /// the public tree (betting and board). Such a state never has showdown ``payoffs``.
  public let holeCardsHidden: Bool

  /// Bets and raises made so far in this round.
  public internal(set) var raisesThisRound: Int
  /// The smallest legal no-limit raise total.
  var minRaiseTo: Int
  /// Seats still to act in this round, one bit each.
  var toAct: UInt16

  /// A new hand: blinds posted, no cards dealt.
  ///
  /// - Parameter holeCardsHidden: when true, hole cards are never asked for (see
  ///   ``holeCardsHidden``): the state walks the public tree, as solvers that keep one value per
  ///   private hand at each public node do.
  public init(game: GameDefinition, holeCardsHidden: Bool = false) {
    self.game = game
    self.holeCardsHidden = holeCardsHidden
    holeCards = Array(repeating: [], count: game.numPlayers)
    board = []
    actions = [[]]
    actors = [[]]
    spent = (0..<game.numPlayers).map { min(game.blinds[$0], game.stack($0)) }
    folded = Array(repeating: false, count: game.numPlayers)
    round = 0
    currentPlayer = game.firstPlayer[0]
    bettingOver = false
    raisesThisRound = 0
    minRaiseTo = (game.blinds.max() ?? 0) + game.bigBlind
    toAct = 0
    startRound()
  }

  /// The largest contribution so far: what everyone must match.
  public var maxSpent: Int { spent.max() ?? 0 }

  /// The chips in the pot.
  public var pot: Int { spent.reduce(0, +) }

  /// Chips `seat` has left behind.
  public func stackLeft(_ seat: Int) -> Int { game.stack(seat) - spent[seat] }

  /// True when `seat` has no chips left to bet.
  public func isAllIn(_ seat: Int) -> Bool { spent[seat] >= game.stack(seat) }

  /// Seats still in the hand.
  public var activeSeats: [Int] { (0..<game.numPlayers).filter { !folded[$0] } }

  /// How many seats are still in the hand (``activeSeats``, counted without building it).
  public var activeCount: Int {
    var count = 0
    for seat in 0..<folded.count where !folded[seat] { count += 1 }
    return count
  }

  /// Seats that can still bet, in the hand and not all in, one bit each.
  var actingMask: UInt16 {
    var mask: UInt16 = 0
    for seat in 0..<folded.count where !folded[seat] && !isAllIn(seat) { mask |= 1 << UInt16(seat) }
    return mask
  }

  /// The card due next, if any: a seat's hole card, or the board.
  public enum Deal: Hashable, Sendable {
    case hole(seat: Int)
    case board
  }

  /// What must be dealt before the next decision or the showdown; nil when nothing is due.
  public var nextDeal: Deal? {
    if activeCount == 1 { return nil }
    for seat in 0..<game.numPlayers where !holeCardsHidden && holeCards[seat].count < game.numHoleCards {
      return .hole(seat: seat)
    }
    if board.count < game.boardCardsThrough(round: round) { return .board }
    return nil
  }

  /// True when a card must be dealt next.
  public var isChanceNode: Bool { !isTerminal && nextDeal != nil }

  /// True when the hand is over and ``payoffs`` can be read.
  public var isTerminal: Bool { bettingOver && (activeCount == 1 || nextDeal == nil) }

  /// True when the player ``currentPlayer`` must act.
  public var isDecisionNode: Bool { !bettingOver && nextDeal == nil }

  /// Every card dealt so far.
  public var dealtCards: CardSet {
    var cards = CardSet(board)
    for hand in holeCards { cards.formUnion(CardSet(hand)) }
    return cards
  }

  /// The board cards dealt at the start of `round`.
  public func boardCards(ofRound round: Int) -> ArraySlice<Card> {
    let start = round == 0 ? 0 : game.boardCardsThrough(round: round - 1)
    let end = min(board.count, game.boardCardsThrough(round: round))
    return start < end ? board[start..<end] : []
  }

  /// Deals `card` where the next card is due.
  public mutating func deal(_ card: Card) throws(RulesError) {
    guard let due = nextDeal, !isTerminal else {
      throw RulesError(
        .wrongPhase, "no card is due: \(isTerminal ? "the hand is over" : "seat \(currentPlayer + 1) must act")")
    }
    guard game.contains(card) else {
      throw RulesError(
        .badCard, "\(card) is not in this game's deck of \(game.numRanks) ranks × \(game.numSuits) suits")
    }
    guard !dealtCards.contains(card) else {
      throw RulesError(.badCard, "\(card) has already been dealt")
    }
    switch due {
    case .hole(let seat): holeCards[seat].append(card)
    case .board: board.append(card)
    }
  }

  /// Sets up the betting of ``round``: who acts, or skips the round when fewer than two players
  /// can bet.
  mutating func startRound() {
    raisesThisRound = 0
    minRaiseTo = maxSpent + game.bigBlind
    let acting = actingMask
    guard acting.nonzeroBitCount >= 2 || (acting.nonzeroBitCount == 1 && spent[acting.trailingZeroBitCount] < maxSpent)
    else {
      endRound()
      return
    }
    toAct = acting
    currentPlayer = nextToAct(from: game.firstPlayer[round])
  }

  /// Closes the current round: on to the next, or the end of the betting.
  mutating func endRound() {
    toAct = 0
    guard round + 1 < game.numRounds, activeCount > 1 else {
      bettingOver = true
      return
    }
    round += 1
    actions.append([])
    actors.append([])
    startRound()
  }

  /// The first seat at or after `seat` (cyclically) that is still to act.
  func nextToAct(from seat: Int) -> Int {
    for step in 0..<game.numPlayers {
      let candidate = (seat + step) % game.numPlayers
      if toAct & (1 << UInt16(candidate)) != 0 { return candidate }
    }
    return seat
  }
}
