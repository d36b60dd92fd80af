import Foundation

extension BettingTree {
  /// Grows the tree depth first; each node's children are built after it is added.
  struct Builder {
    let rules: BettingRules
    var nodes: [BettingNode] = []
    let maxNodes: Int
    /// Set once `maxNodes` nodes are built: nothing more is grown, and the tree is refused.
    var overflowed = false

    init(rules: BettingRules, maxNodes: Int) {
      self.rules = rules
      self.maxNodes = maxNodes
    }

    /// Where the betting stands inside a street.
    struct Situation {
      var street: Street
      var player: Int
      /// Chips in since the spot started, per player.
      var committed: [Int]
      /// Both players' chips in when the street started.
      var streetStart: Int
      /// Bets and raises so far on the street.
      var bets: Int
      /// The size of the last bet or raise increment on the street (the least a raise may add).
      var lastIncrement: Int
      /// Whether someone has acted on the street (so a check closes it).
      var opened: Bool
      /// The player who made the last bet or raise on the street, if any.
      var aggressor: Int?
      /// The last aggressor of the street before, for donk bets.
      var previousAggressor: Int?
    }

    @discardableResult
    mutating func add(_ node: BettingNode) -> Int {
      nodes.append(node)
      if nodes.count >= maxNodes { overflowed = true }
      return nodes.count - 1
    }

    /// A new street starts with both players even at `committed`.
    @discardableResult
    mutating func buildStreetStart(street: Street, committed: Int, previousAggressor: Int?, parent: Int?) -> Int {
      if committed >= rules.stack {
        // Nobody can bet: deal out the board and show down.
        return buildAllInRunout(from: street, committed: committed, parent: parent)
      }
      let situation = Situation(
        street: street, player: 0, committed: [committed, committed], streetStart: committed, bets: 0,
        lastIncrement: 0, opened: false, aggressor: nil, previousAggressor: previousAggressor)
      return buildDecision(situation, parent: parent)
    }

    /// After a street closes: the next card is dealt (a chance node), or the hand is shown down.
    mutating func buildStreetEnd(_ situation: Situation, parent: Int) -> Int {
      let committed = situation.committed[0]
      guard let next = situation.street.next else {
        return add(
          BettingNode(
            kind: .showdown, street: situation.street, committed: situation.committed, actions: [], children: [],
            parent: parent))
      }
      let chance = add(
        BettingNode(
          kind: .chance, street: next, committed: situation.committed, actions: [], children: [], parent: parent))
      let child: Int
      if committed >= rules.stack {
        child = buildAllInRunout(from: next, committed: committed, parent: chance)
      } else {
        child = buildStreetStart(
          street: next, committed: committed, previousAggressor: situation.aggressor, parent: chance)
      }
      nodes[chance].children = [child]
      return chance
    }

    /// All-in before the river: a chance node per remaining street, then the showdown.
    mutating func buildAllInRunout(from street: Street, committed: Int, parent: Int?) -> Int {
      guard let next = street.next else {
        return add(
          BettingNode(
            kind: .showdown, street: street, committed: [committed, committed], actions: [], children: [],
            parent: parent))
      }
      let chance = add(
        BettingNode(
          kind: .chance, street: next, committed: [committed, committed], actions: [], children: [], parent: parent))
      nodes[chance].children = [buildAllInRunout(from: next, committed: committed, parent: chance)]
      return chance
    }

    mutating func buildDecision(_ situation: Situation, parent: Int?) -> Int {
      let player = situation.player
      let actions = legalActions(situation)
      let index = add(
        BettingNode(
          kind: .decision(player: player), street: situation.street, committed: situation.committed,
          actions: actions, children: [], parent: parent))
      var children: [Int] = []
      for action in actions where !overflowed {
        children.append(buildAfter(action, situation, parent: index))
      }
      nodes[index].children = children
      return index
    }

    mutating func buildAfter(_ action: BettingAction, _ situation: Situation, parent: Int) -> Int {
      let player = situation.player
      let opponent = 1 - player
      var next = situation
      next.player = opponent
      next.opened = true
      switch action.kind {
      case .fold:
        return add(
          BettingNode(
            kind: .fold(player: player), street: situation.street, committed: situation.committed, actions: [],
            children: [], parent: parent))
      case .check:
        if situation.opened { return buildStreetEnd(next, parent: parent) }
        return buildDecision(next, parent: parent)
      case .call:
        next.committed[player] = next.committed[opponent]
        return buildStreetEnd(next, parent: parent)
      case .bet, .raise:
        let target = situation.streetStart + action.amount
        next.lastIncrement = max(situation.lastIncrement, target - situation.committed[opponent])
        next.committed[player] = target
        next.bets += 1
        next.aggressor = player
        return buildDecision(next, parent: parent)
      }
    }

    /// The moves at a decision, with the menu's sizes turned into chips, the all-in threshold
    /// applied and equal amounts merged.
    func legalActions(_ situation: Situation) -> [BettingAction] {
      let player = situation.player
      let opponent = 1 - player
      let behind = rules.stack - situation.committed[player]
      let toCall = situation.committed[opponent] - situation.committed[player]
      let pot = rules.pot + situation.committed[0] + situation.committed[1]
      let menu = rules.menus[situation.street]![player]
      var actions: [BettingAction] = []
      let canRaise = situation.bets < rules.raiseCap && behind > toCall && rules.stack > situation.committed[opponent]
      var sizes: [BetSize]
      if toCall == 0 {
        actions.append(BettingAction(.check))
        let donking = player == 0 && !situation.opened && situation.previousAggressor == 1
        sizes = donking ? (menu.donks ?? menu.bets) : menu.bets
      } else {
        actions.append(BettingAction(.fold))
        actions.append(
          BettingAction(.call, amount: situation.committed[opponent] - situation.streetStart, isAllIn: toCall >= behind)
        )
        sizes = menu.raiseSizes(depth: situation.bets)
      }
      guard canRaise else { return actions }
      var added: [Int] = []
      for size in sizes {
        var chips: Int
        switch size {
        case .allIn:
          chips = behind
        case .percentOfPot(let percent):
          let base = Double(pot + toCall)
          var increment = Int((percent / 100 * base).rounded())
          increment = max(increment, situation.lastIncrement, 1)
          chips = toCall + increment
        }
        if chips >= behind || Double(chips) > rules.allInThreshold * Double(behind) { chips = behind }
        if !added.contains(chips) { added.append(chips) }
      }
      added.sort()
      for chips in added {
        let to = situation.committed[player] + chips - situation.streetStart
        actions.append(BettingAction(toCall == 0 ? .bet : .raise, amount: to, isAllIn: chips == behind))
      }
      return actions
    }
  }
}
