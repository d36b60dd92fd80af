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

extension BlueprintChoice {
  /// The action a uniform draw `u` in [0, 1) picks from the mix.
  public func action(at u: Double) -> Action {
    var cumulative = 0.0
    for (action, probability) in zip(actions, probabilities) {
      cumulative += probability
      if u < cumulative { return action }
    }
    return actions.last ?? .call
  }
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
    translation: ActionTranslation = .pseudoHarmonic, reading readingSeed: SeededGenerator
  ) -> BlueprintChoice? {
    let game = tree.game
    let root = State(game: game, holeCardsHidden: true)
    // The real state before each action (past any chance), for the reading pass below.
    var states: [State] = []
    states.reserveCapacity(history.count)
    var real = root
    for action in history {
      BlueprintTree.dealPastChance(&real)
      guard !real.isTerminal, let next = try? real.applying(action) else { return nil }
      states.append(real)
      real = next
    }
    BlueprintTree.dealPastChance(&real)
    guard !real.isTerminal else { return nil }
    let me = real.currentPlayer
    var reading = BlueprintReading(node: 0, menuState: root)
    for (index, action) in history.enumerated() {
      let before = states[index]
      let options = readings(
        of: action, from: reading, real: before, mine: before.currentPlayer == me, translation: translation)
      if options.count > 1 {
        // The draw of `ActionTranslation.read`, on the history's own sub-stream.
        var generator = readingSeed.substream(UInt64(index))
        let draw = Double(generator.next() >> 11) * 0x1p-53
        reading = draw < options[0].probability ? options[0].reading : options[1].reading
      } else {
        reading = options.first?.reading ?? BlueprintReading(node: nil, menuState: reading.menuState)
      }
    }
    guard real.legalActions != nil, hole.count == game.numHoleCards,
      board.count >= game.boardCardsThrough(round: real.round)
    else { return nil }
    guard let (at, menuState) = decision(reading, real: real) else {
      return BlueprintChoice(actions: [.call], probabilities: [1], node: nil, bucket: nil)
    }
    let round = real.round
    let bucket = buckets.bucket(
      hole: hole, board: Array(board.prefix(game.boardCardsThrough(round: round))), round: round)
    guard (0..<bucketCounts[round]).contains(bucket) else { return nil }
    var choice = BlueprintChoice(actions: [], probabilities: [], node: at, bucket: bucket)
    for (action, probability) in zip(
      realActions(at, menuState: menuState, real: real), strategy(node: at, bucket: bucket))
    {
      if let k = choice.actions.firstIndex(of: action) {
        choice.probabilities[k] += probability
      } else {
        choice.actions.append(action)
        choice.probabilities.append(probability)
      }
    }
    return choice
  }

  /// The ways the real `action` at `real` reads from `reading`, with their probabilities
  /// (empty: the hand leaves the tree). Limit: the same action. No-limit: an opponent's action
  /// through the translation (one or two menu actions); the player's own (`mine`) as the first
  /// menu action carried to it.
  func readings(
    of action: Action, from reading: BlueprintReading, real: State, mine: Bool, translation: ActionTranslation
  ) -> [(reading: BlueprintReading, probability: Double)] {
    guard let node = reading.node else { return [] }
    var menuState = reading.menuState
    BlueprintTree.dealPastChance(&menuState)
    let entry = tree.nodes[node]
    guard entry.isDecision, Int(entry.kind) == real.currentPlayer else { return [] }
    let menu = menuActions(node)
    var indices: [(Int, Double)] = []
    if tree.game.betting == .limit {
      indices = menu.firstIndex(of: action).map { [($0, 1)] } ?? []
    } else if mine {
      indices =
        menu.firstIndex { ActionTranslation.carry($0, from: menuState, to: real) == action }.map { [($0, 1)] } ?? []
    } else {
      indices = translation.readings(of: action, in: real, menu: menu, menuState: menuState)
    }
    return indices.compactMap { j, probability in
      guard let moved = try? menuState.applying(menu[j]) else { return nil }
      return (BlueprintReading(node: Int(entry.firstChild) + j, menuState: moved), probability)
    }
  }

  /// The decision node `reading` stands at for the real decision `real`, with the tree's
  /// betting state there; nil when the hand has left the tree (no node, or not a decision of
  /// the same player and round).
  func decision(_ reading: BlueprintReading, real: State) -> (node: Int, menuState: State)? {
    guard let node = reading.node else { return nil }
    let entry = tree.nodes[node]
    guard entry.isDecision, Int(entry.kind) == real.currentPlayer, Int(entry.round) == real.round else { return nil }
    var menuState = reading.menuState
    BlueprintTree.dealPastChance(&menuState)
    return (node, menuState)
  }

  /// The real action each of a decision node's menu actions plays as at `real` (limit: itself;
  /// no-limit: carried into the real pot; a fold with nothing to call as a call).
  func realActions(_ node: Int, menuState: State, real: State) -> [Action] {
    let canFold = real.legalActions?.canFold ?? false
    return menuActions(node).map { menuAction in
      let action =
        tree.game.betting == .limit ? menuAction : ActionTranslation.carry(menuAction, from: menuState, to: real)
      if case .fold = action, !canFold { return .call }
      return action
    }
  }

  /// The actions of a decision node of the tree, in order.
  func menuActions(_ node: Int) -> [Action] {
    let entry = tree.nodes[node]
    return (0..<Int(entry.childCount)).map { tree.incoming[Int(entry.firstChild) + $0]! }
  }
}

/// Where a blueprint reads a real hand to be in its tree: a node and the betting state of the
/// tree's own game there, or nowhere once the hand has left the tree.
struct BlueprintReading {
  var node: Int?
  var menuState: State
}
