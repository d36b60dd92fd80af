import Cards
import PokerRules
import Randomness

/// What a blueprint plays at one decision of the real game.
public struct BlueprintChoice: Sendable, Hashable {
  /// The real actions the blueprint may take, each once.
  public var actions: [Action]
  /// The probability of each of ``actions``.
  public var probabilities: [Double]
  /// The decision node in the blueprint's tree the hand was read as reaching, or nil when the
  /// hand left the tree (a bet the menu has no reading for, or the real hand going on past
  /// where the read one ended); the blueprint then checks and calls.
  public var node: Int?
  /// The card bucket the hand fell in (nil off the tree).
  public var bucket: Int?
}

extension BlueprintPolicy {
  /// The blueprint's mix at the real decision that `history` (every action of the hand so far,
  /// across rounds, in order) reaches, for the player to act holding `hole`, with `board` the
  /// board cards dealt so far in deal order.
  ///
  /// A limit blueprint's tree is the real betting, so the history is followed action by action.
  /// A no-limit blueprint's menu differs from the real game's sizes: the opponent's bets are
  /// read as menu sizes through `translation`, drawing from `reading.substream(i)` for the
  /// history's `i`-th action (so every decision of a hand reads the earlier bets alike), and the
  /// player's own earlier actions as the menu action that plays as them. The menu's sizes are
  /// played as the same share of the real pot.
  ///
  /// - Returns: nil when the history is not a legal line of the game or the cards are not a
  ///   hand of it.
  public func choice(
    history: [Action], hole: [Card], board: [Card], buckets: any CardBuckets,
    translation: ActionTranslation = .pseudoHarmonic, reading: SeededGenerator
  ) -> BlueprintChoice? {
    let game = tree.game
    let root = State(game: game, holeCardsHidden: true)
    var end = root
    for action in history {
      BlueprintTree.dealPastChance(&end)
      guard !end.isTerminal, let next = try? end.applying(action) else { return nil }
      end = next
    }
    BlueprintTree.dealPastChance(&end)
    guard !end.isTerminal else { return nil }
    let me = end.currentPlayer
    var real = root
    var menuState = root
    var node: Int? = 0
    for (index, action) in history.enumerated() {
      BlueprintTree.dealPastChance(&real)
      let next = try! real.applying(action)
      if let at = node {
        BlueprintTree.dealPastChance(&menuState)
        node = nil
        if let j = menuIndex(
          of: action, at: at, real: real, menuState: menuState, mine: real.currentPlayer == me,
          translation: translation, generator: reading.substream(UInt64(index)))
        {
          let entry = tree.nodes[at]
          let menuAction = tree.incoming[Int(entry.firstChild) + j]!
          if let moved = try? menuState.applying(menuAction) {
            node = Int(entry.firstChild) + j
            menuState = moved
          }
        }
      }
      real = next
    }
    BlueprintTree.dealPastChance(&real)
    guard let legal = real.legalActions, hole.count == game.numHoleCards,
      board.count >= game.boardCardsThrough(round: real.round)
    else { return nil }
    let offTree = BlueprintChoice(actions: [.call], probabilities: [1], node: nil, bucket: nil)
    guard let at = node else { return offTree }
    let entry = tree.nodes[at]
    guard entry.isDecision, Int(entry.kind) == real.currentPlayer, Int(entry.round) == real.round else {
      return offTree
    }
    BlueprintTree.dealPastChance(&menuState)
    let round = real.round
    let bucket = buckets.bucket(
      hole: hole, board: Array(board.prefix(game.boardCardsThrough(round: round))), round: round)
    guard (0..<bucketCounts[round]).contains(bucket) else { return nil }
    var choice = BlueprintChoice(actions: [], probabilities: [], node: at, bucket: bucket)
    for (j, probability) in strategy(node: at, bucket: bucket).enumerated() {
      let menuAction = tree.incoming[Int(entry.firstChild) + j]!
      var action =
        game.betting == .limit ? menuAction : ActionTranslation.carry(menuAction, from: menuState, to: real)
      if case .fold = action, !legal.canFold { action = .call }
      if let k = choice.actions.firstIndex(of: action) {
        choice.probabilities[k] += probability
      } else {
        choice.actions.append(action)
        choice.probabilities.append(probability)
      }
    }
    return choice
  }

  /// The child (by index) of decision `node` that the real `action` in `real` reads as, or nil
  /// when it has none. Limit: the same action. No-limit: the opponent's action through the
  /// translation; the player's own (`mine`) as the first menu action carried to it.
  func menuIndex(
    of action: Action, at node: Int, real: State, menuState: State, mine: Bool, translation: ActionTranslation,
    generator: SeededGenerator
  ) -> Int? {
    let entry = tree.nodes[node]
    guard entry.isDecision, Int(entry.kind) == real.currentPlayer else { return nil }
    let menu = (0..<Int(entry.childCount)).map { tree.incoming[Int(entry.firstChild) + $0]! }
    if tree.game.betting == .limit { return menu.firstIndex(of: action) }
    if mine { return menu.firstIndex { ActionTranslation.carry($0, from: menuState, to: real) == action } }
    var generator = generator
    return translation.read(action, in: real, menu: menu, menuState: menuState, using: &generator)
  }
}
