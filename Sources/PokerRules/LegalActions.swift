/// What the player to act may do.
public struct LegalActions: Hashable, Sendable, CustomStringConvertible {
  /// Folding is legal only when facing a bet.
  public var canFold: Bool
  /// Chips a call adds (0 for a check); calling is always legal.
  public var callAmount: Int
  /// Legal raise totals (`raise(to:)`), or nil when raising is not allowed. In limit games the
  /// range holds one value.
  public var raiseTo: ClosedRange<Int>?

  public init(canFold: Bool, callAmount: Int, raiseTo: ClosedRange<Int>?) {
    self.canFold = canFold
    self.callAmount = callAmount
    self.raiseTo = raiseTo
  }

  /// The actions as a list, with raises at the range's two ends only.
  public var representative: [Action] {
    var actions: [Action] = []
    if canFold { actions.append(.fold) }
    actions.append(.call)
    if let raiseTo {
      actions.append(.raise(to: raiseTo.lowerBound))
      if raiseTo.upperBound != raiseTo.lowerBound { actions.append(.raise(to: raiseTo.upperBound)) }
    }
    return actions
  }

  public var description: String {
    var parts: [String] = []
    if canFold { parts.append("fold") }
    parts.append(callAmount == 0 ? "check" : "call \(callAmount)")
    if let raiseTo {
      parts.append(
        raiseTo.count == 1 ? "raise to \(raiseTo.lowerBound)" : "raise to \(raiseTo.lowerBound)…\(raiseTo.upperBound)")
    }
    return parts.joined(separator: ", ")
  }
}
