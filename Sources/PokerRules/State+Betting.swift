import Cards

extension State {
  /// What ``currentPlayer`` may do; nil when no decision is due.
  public var legalActions: LegalActions? {
    guard isDecisionNode else { return nil }
    let seat = currentPlayer
    let facing = maxSpent
    let stack = game.stack(seat)
    let callTo = min(facing, stack)
    var raiseTo: ClosedRange<Int>?
    let raisesLeft = game.maxRaises.map { raisesThisRound < $0[round] } ?? true
    if raisesLeft && stack > facing && actingMask.nonzeroBitCount >= 2 {
      switch game.betting {
      case .limit:
        let to = min(facing + game.raiseSizes[round], stack)
        raiseTo = to...to
      case .noLimit:
        let smallest = min(max(minRaiseTo, facing + 1), stack)
        raiseTo = smallest...stack
      }
    }
    return LegalActions(canFold: spent[seat] < facing, callAmount: callTo - spent[seat], raiseTo: raiseTo)
  }

  /// Why `action` is illegal here, or nil when it is legal.
  public func whyIllegal(_ action: Action) -> String? {
    guard !isTerminal else { return "the hand is over" }
    guard let legal = legalActions else { return "a card must be dealt before anyone acts" }
    switch action {
    case .fold:
      return legal.canFold ? nil : "folding is allowed only when facing a bet; check instead"
    case .call:
      return nil
    case .raise(let to):
      guard let range = legal.raiseTo else {
        if let cap = game.maxRaises, raisesThisRound >= cap[round] {
          return "no raise is allowed: round \(round + 1) allows at most \(cap[round]) raises"
        }
        return
          "no raise is allowed: \(isAllIn(currentPlayer) || game.stack(currentPlayer) <= maxSpent ? "the player cannot put in more than a call" : "no opponent can respond")"
      }
      if range.contains(to) { return nil }
      if game.betting == .limit {
        return "in this limit game the only raise is to \(range.lowerBound)"
      }
      if to > range.upperBound {
        return "a raise to \(to) is more than the stack allows; the largest is \(range.upperBound) (all in)"
      }
      return
        "a raise to \(to) is below the minimum \(range.lowerBound) (the larger of the big blind and the last raise, unless all in)"
    }
  }

  /// Applies `action` for ``currentPlayer``.
  ///
  /// - Throws: ``RulesError`` with the reason when the action is illegal.
  public mutating func apply(_ action: Action) throws(RulesError) {
    if let reason = whyIllegal(action) {
      throw RulesError(isTerminal ? .handOver : (isDecisionNode ? .illegalAction : .wrongPhase), reason)
    }
    let seat = currentPlayer
    let bit = UInt16(1) << UInt16(seat)
    switch action {
    case .fold:
      folded[seat] = true
      toAct &= ~bit
    case .call:
      spent[seat] = min(maxSpent, game.stack(seat))
      toAct &= ~bit
    case .raise(let to):
      let previous = maxSpent
      spent[seat] = to
      raisesThisRound += 1
      minRaiseTo = to + max(to - previous, game.bigBlind)
      toAct = actingMask & ~bit
    }
    actions[round].append(action)
    actors[round].append(seat)
    if activeCount == 1 {
      toAct = 0
      bettingOver = true
      return
    }
    // A player still in who cannot bet (all in) is never asked to act.
    let acting = actingMask
    toAct &= acting
    if toAct == 0
      || (acting.nonzeroBitCount == 1 && toAct == acting && spent[acting.trailingZeroBitCount] >= maxSpent)
    {
      endRound()
    } else {
      currentPlayer = nextToAct(from: (seat + 1) % game.numPlayers)
    }
  }

  /// The state after `action` (for tree walks).
  public func applying(_ action: Action) throws(RulesError) -> State {
    var next = self
    try next.apply(action)
    return next
  }

  /// The state after dealing `card` (for tree walks).
  public func dealing(_ card: Card) throws(RulesError) -> State {
    var next = self
    try next.deal(card)
    return next
  }
}
