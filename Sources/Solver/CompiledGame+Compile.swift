import Cards
import Foundation
import PokerRules

extension CompiledGame {
  /// Compiles a game's public tree.
  ///
  /// - Parameters:
  ///   - maxNodes: refuse games whose public tree has more nodes than this.
  ///   - actions: the actions kept at each decision; no-limit games need one.
  /// - Throws: ``SolverError`` when a no-limit game has no action abstraction or the game is too
  ///   large.
  public static func compile(
    _ game: GameDefinition, maxNodes: Int = 20_000_000, actions: ActionAbstraction? = nil
  ) throws(SolverError) -> CompiledGame {
    guard game.betting == .limit || actions != nil else {
      throw SolverError(
        .unsupportedGame,
        "the solver needs an action abstraction (a bet menu) for no-limit games; use a limit game or give bet sizes")
    }
    var builder = Builder(game: game, maxNodes: maxNodes, actions: actions ?? .every)
    try builder.estimate()
    let root = State(game: game, holeCardsHidden: true)
    // Chance probability of one particular assignment of everyone's hole cards: sets are
    // unordered, so each player's set can arrive in numHoleCards! orders.
    let holeOrders = (1...max(1, game.numHoleCards)).reduce(1.0) { $0 * Double($1) }
    var probability = (0..<game.numPlayers).reduce(1.0) { value, _ in value * holeOrders }
    for i in 0..<(game.numPlayers * game.numHoleCards) { probability /= Double(game.deckSize - i) }
    _ = builder.add(root, incoming: nil, probability: probability)
    return builder.finish()
  }

  /// Compiles the game whose definition text a file carries, blaming the file for any fault.
  static func compile(embeddedIn text: String, file path: String) throws(SolverError) -> CompiledGame {
    let definition: GameDefinition
    do {
      definition = try GameDefinition(parsing: text, source: "\(path) (game definition)")
    } catch {
      throw SolverError(.badFile, "\(path): \(error)")
    }
    return try compile(definition)
  }

  /// Fills the node arrays in depth-first order.
  struct Builder {
    let game: GameDefinition
    let maxNodes: Int
    let actions: ActionAbstraction
    let deck: [Card]
    let hands: [CardSet]
    var kind: [Kind] = []
    var parent: [Int32] = []
    var currentParent: Int32 = -1
    var player: [Int8] = []
    var childStart: [Int32] = []
    var childCount: [Int32] = []
    var children: [Int32] = []
    var incomingAction: [Action?] = []
    var round: [Int8] = []
    var board: [CardSet] = []
    var slotOffset: [Int32] = []
    var dealProbability: [Double] = []
    var terminalSpent: [Int32] = []
    var terminalFolded: [Bool] = []
    var terminalIndex: [Int32] = []
    var showdownRanks: [UInt16] = []
    var showdownOffset: [Int32] = []
    var slotCount = 0

    init(game: GameDefinition, maxNodes: Int, actions: ActionAbstraction) {
      self.game = game
      self.maxNodes = maxNodes
      self.actions = actions
      let deck = game.deck
      self.deck = deck
      var hands: [CardSet] = []
      func choose(_ start: Int, _ chosen: CardSet) {
        if chosen.count == game.numHoleCards {
          hands.append(chosen)
          return
        }
        for i in start..<deck.count { choose(i + 1, chosen.union(CardSet([deck[i]]))) }
      }
      choose(0, CardSet())
      self.hands = hands
    }

    /// Counts the public nodes, information-set actions (slots) and showdown table entries
    /// first, so a game too large is refused, with the figures, before memory is spent: more
    /// public nodes than `maxNodes`, more slots than the solver's 32-bit offsets address, or more
    /// memory than this machine has.
    func estimate() throws(SolverError) {
      var count = 0.0
      var slots = 0.0
      var showdownEntries = 0.0
      let handCount = Double(hands.count)
      func walk(_ state: State, _ boards: Double) {
        if count > Double(maxNodes) { return }
        count += boards
        if state.isTerminal {
          if state.activeCount > 1 { showdownEntries += boards * handCount }
          return
        }
        if state.isChanceNode {
          var next = state
          var dealt = 0
          while next.isChanceNode {
            try! next.deal(deck.first { !next.dealtCards.contains($0) }!)
            dealt += 1
          }
          let left = deck.count - state.board.count
          walk(next, boards * binomial(left, dealt))
          return
        }
        let actions = self.actions.actions(state)
        slots += boards * Double(actions.count) * handCount
        for action in actions { walk(try! state.applying(action), boards) }
      }
      walk(State(game: game, holeCardsHidden: true), 1)
      guard count <= Double(maxNodes) else {
        throw SolverError(
          .gameTooLarge,
          "the public tree has more than \(maxNodes) nodes (betting sequences times boards); this game needs a card abstraction"
        )
      }
      let slotLimit = Double(Int32.max)
      guard slots <= slotLimit else {
        throw SolverError(
          .gameTooLarge,
          "the game has about \(Builder.figure(slots)) information-set actions (\(Builder.figure(count)) public nodes × \(hands.count) hands); the solver addresses at most \(Builder.figure(slotLimit)), so this game needs a card abstraction"
        )
      }
      // About 64 bytes per public node, 2 per showdown entry, and the solver's 8 per slot.
      let bytes = count * 64 + showdownEntries * 2 + slots * 8
      let memory = Double(ProcessInfo.processInfo.physicalMemory)
      guard bytes <= memory * 0.9 else {
        throw SolverError(
          .gameTooLarge,
          "solving the game needs about \(Builder.figure(bytes / 1_073_741_824)) GiB (\(Builder.figure(slots)) information-set actions); this machine has \(Builder.figure(memory / 1_073_741_824)) GiB"
        )
      }
    }

    /// A large count in three significant figures.
    static func figure(_ value: Double) -> String {
      value >= 1e6 ? String(format: "%.3g", value) : String(Int(value.rounded()))
    }

    /// Adds `state` and its subtree; returns the node id.
    mutating func add(_ state: State, incoming: Action?, probability: Double) -> Int32 {
      let id = Int32(kind.count)
      kind.append(.terminal)
      parent.append(currentParent)
      player.append(-1)
      childStart.append(0)
      childCount.append(0)
      incomingAction.append(incoming)
      round.append(Int8(state.round))
      board.append(CardSet(state.board))
      slotOffset.append(-1)
      dealProbability.append(probability)
      terminalIndex.append(-1)
      let node = Int(id)
      if state.isTerminal {
        terminalIndex[node] = Int32(showdownOffset.count)
        terminalSpent += state.spent.map { Int32($0) }
        terminalFolded += state.folded
        if state.activeCount > 1 {
          showdownOffset.append(Int32(showdownRanks.count))
          let evaluator = HandEvaluator.shared
          let boardCards = CardSet(state.board)
          for hand in hands {
            showdownRanks.append(
              hand.isDisjoint(with: boardCards) ? evaluator.rank(of: hand.union(boardCards)).value : 0)
          }
        } else {
          showdownOffset.append(-1)
        }
        return id
      }
      if state.isChanceNode {
        kind[node] = .chance
        // One child per set of board cards dealt now, in increasing card order.
        var outcomes: [State] = []
        func deal(_ current: State, _ start: Int) {
          guard current.isChanceNode else {
            outcomes.append(current)
            return
          }
          for i in start..<deck.count where !current.dealtCards.contains(deck[i]) {
            deal(try! current.dealing(deck[i]), i + 1)
          }
        }
        deal(state, 0)
        let dealtNow = outcomes[0].board.count - state.board.count
        let orders = (1...max(1, dealtNow)).reduce(1.0) { $0 * Double($1) }
        var childProbability = probability * orders
        let unseen = game.deckSize - game.numPlayers * game.numHoleCards - state.board.count
        for i in 0..<dealtNow { childProbability /= Double(unseen - i) }
        let saved = currentParent
        currentParent = id
        let ids = outcomes.map { add($0, incoming: nil, probability: childProbability) }
        currentParent = saved
        childStart[node] = Int32(children.count)
        childCount[node] = Int32(ids.count)
        children += ids
        return id
      }
      kind[node] = .decision
      player[node] = Int8(state.currentPlayer)
      let actions = self.actions.actions(state)
      slotOffset[node] = Int32(slotCount)
      slotCount += actions.count * hands.count
      let saved = currentParent
      currentParent = id
      let ids = actions.map { add(try! state.applying($0), incoming: $0, probability: probability) }
      currentParent = saved
      childStart[node] = Int32(children.count)
      childCount[node] = Int32(ids.count)
      children += ids
      return id
    }

    func finish() -> CompiledGame {
      CompiledGame(
        definition: game, hands: hands, kind: kind, parent: parent, player: player, childStart: childStart,
        childCount: childCount, children: children, incomingAction: incomingAction, round: round, board: board,
        slotOffset: slotOffset, dealProbability: dealProbability, terminalSpent: terminalSpent,
        terminalFolded: terminalFolded, terminalIndex: terminalIndex, showdownRanks: showdownRanks,
        showdownOffset: showdownOffset, slotCount: slotCount)
    }
  }
}
