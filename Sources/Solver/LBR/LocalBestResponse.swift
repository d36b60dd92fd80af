import Cards
import PokerRules
import Randomness

/// Local best response (Lisý and Bowling, 2017): a lower bound on how much a heads-up strategy
/// can be exploited, found by playing it. LBR sees its own cards and the opponent's strategy.
/// It keeps the opponent's range (Bayes on the opponent's actions), and at each decision takes
/// the action that is best if both players only check and call afterwards: calling is worth
/// wp·pot − (1 − wp)·asked, a raise of `a` beyond the call fp·pot + (1 − fp)(wp′(pot + a) −
/// (1 − wp′)(asked + a)), where wp is its share of the pot at showdown against the range over
/// the boards to come, fp the range's probability of folding to the raise and wp′ the share
/// against the hands that do not fold; folding is worth 0. Every deal is played from both seats
/// with the same cards.
public struct LocalBestResponse: Sendable {
  public let game: GameDefinition
  public let opponent: LBROpponent
  public let actions: LBRActions
  public let seed: UInt64
  let odds: ShowdownOdds

  /// - Throws: ``SolverError`` for games that are not heads-up, and blueprints of another game.
  public init(game: GameDefinition, opponent: LBROpponent, actions: LBRActions, seed: UInt64) throws(SolverError) {
    guard game.numPlayers == 2 else {
      throw SolverError(
        .unsupportedGame, "local best response plays heads-up games; this one has \(game.numPlayers) players")
    }
    if let own = opponent.game, own != game {
      throw SolverError(.badParameter, "the policy is for another game than the one LBR plays")
    }
    self.game = game
    self.opponent = opponent
    self.actions = actions
    self.seed = seed
    var hands: [[Card]] = []
    game.deck.forEachSubset(size: game.numHoleCards) { hands.append($0) }
    odds = ShowdownOdds(hands: hands, deck: game.deck, boardSize: game.boardCardsThrough(round: game.numRounds - 1))
  }

  /// LBR's winnings in chips on deal `index`, seated first and seated second.
  public func play(deal index: Int) -> (first: Double, second: Double) {
    let stream = SeededGenerator(seed: seed).substream(UInt64(index))
    var shuffler = stream.substream(0)
    var deck = game.deck
    for k in stride(from: deck.count - 1, to: 0, by: -1) {
      deck.swapAt(k, Int(shuffler.next() % UInt64(k + 1)))
    }
    let holes = game.numHoleCards
    let mine = Array(deck[0..<holes])
    let theirs = Array(deck[holes..<(2 * holes)])
    let board = Array(deck[(2 * holes)..<(2 * holes + odds.boardSize)])
    // LBR's showdown shares depend on its cards and the board only: each round's are computed
    // once for both seats.
    var shares = SharesCache(rolls: stream.substream(3))
    return (
      play(seat: 0, mine: mine, theirs: theirs, board: board, stream: stream.substream(1), shares: &shares),
      play(seat: 1, mine: mine, theirs: theirs, board: board, stream: stream.substream(2), shares: &shares)
    )
  }

  /// LBR's showdown shares per round of one deal.
  struct SharesCache {
    var rolls: SeededGenerator
    var byRound: [Int: [Double]] = [:]
  }

  /// Deals `range` played from both seats on `threads` threads, in deal order (the same
  /// results for any thread count).
  public func play(deals range: Range<Int>, threads: Int) -> [(first: Double, second: Double)] {
    var results = [(first: Double, second: Double)](repeating: (0, 0), count: range.count)
    results.withUnsafeMutableBufferPointer { out in
      let out = out
      let pool = ThreadPool(threads: threads)
      pool.run(range.count) { k, _ in out[k] = play(deal: range.lowerBound + k) }
      pool.stop()
    }
    return results
  }

  /// One hand with LBR in `seat`.
  func play(
    seat: Int, mine: [Card], theirs: [Card], board: [Card], stream: SeededGenerator, shares: inout SharesCache
  ) -> Double {
    var state = State(game: game)
    for s in 0..<2 {
      for card in s == seat ? mine : theirs { try! state.deal(card) }
    }
    let root = State(game: game, holeCardsHidden: true)
    var history: [Action] = []
    var belief: OpponentBelief?
    var buckets: [Int32] = []
    var bucketRound = -1
    var live: [Bool] = []
    var liveRound = -1
    while true {
      while state.isChanceNode { try! state.deal(board[state.board.count]) }
      if state.isTerminal { return state.payoffs![seat] }
      if live.isEmpty || liveRound != state.round {
        let seen = CardSet(mine + state.board)
        live = odds.handSets.map { $0.intersection(seen).isEmpty }
        liveRound = state.round
        if belief == nil {
          belief = OpponentBelief(prior: live.map { $0 ? 1 : 0 }, root: root)
        } else {
          // Hands the new board cards clash with are out of the range.
          for k in belief!.readings.indices {
            for h in live.indices where !live[h] { belief!.readings[k].weights[h] = 0 }
          }
        }
      }
      if case .blueprint(_, let cardBuckets, _) = opponent, bucketRound != state.round {
        buckets = opponentBuckets(cardBuckets, board: state.board, round: state.round, live: live)
        bucketRound = state.round
      }
      let action: Action
      if state.currentPlayer == seat {
        action = decide(state, belief: belief!, buckets: buckets, live: live, mine: mine, shares: &shares)
        if case .blueprint(let policy, _, let translation) = opponent {
          belief!.observeOwn(action, real: state, policy: policy, translation: translation)
        }
      } else {
        action = opponent.act(state: state, history: history, hole: theirs, seed: stream.substream(4))
        if case .blueprint(let policy, _, let translation) = opponent {
          belief!.observeOpponent(action, real: state, policy: policy, buckets: buckets, translation: translation)
        }
      }
      history.append(action)
      state = try! state.applying(action)
    }
  }

  /// Every live opponent hand's bucket in `round`.
  func opponentBuckets(_ cardBuckets: any CardBuckets, board: [Card], round: Int, live: [Bool]) -> [Int32] {
    var result = [Int32](repeating: 0, count: odds.hands.count)
    var scratch = [Int32](repeating: 0, count: round + 1)
    board.withUnsafeBufferPointer { board in
      scratch.withUnsafeMutableBufferPointer { scratch in
        for h in odds.hands.indices where live[h] {
          odds.hands[h].withUnsafeBufferPointer { hole in
            cardBuckets.buckets(hole: hole, board: board, through: round, into: scratch.baseAddress!)
          }
          result[h] = scratch[round]
        }
      }
    }
    return result
  }
}
