import PokerRules

/// Which actions a compiled game keeps at each decision.
///
/// Limit games keep every action (fold, call, the one raise). No-limit games need a choice:
/// ``every`` raise size (the real game, for small stacks only) or a bet ``menu``.
public enum ActionAbstraction: Sendable, Hashable {
  /// Every legal action, each raise size its own: the real no-limit game.
  case every
  /// The sizes of a bet menu, turned into chips at each decision.
  case menu(ActionMenu)

  /// The actions kept at a decision of `state`, in order: fold (when legal), call, raises by
  /// increasing amount.
  public func actions(_ state: State) -> [Action] {
    guard let legal = state.legalActions else { return [] }
    guard state.game.betting == .noLimit, let range = legal.raiseTo else { return legal.representative }
    var actions: [Action] = []
    if legal.canFold { actions.append(.fold) }
    actions.append(.call)
    switch self {
    case .every:
      actions += range.map { .raise(to: $0) }
    case .menu(let menu):
      actions += menu.raises(state, range: range).map { .raise(to: $0) }
    }
    return actions
  }
}
