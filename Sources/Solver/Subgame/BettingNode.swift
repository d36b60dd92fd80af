/// A node of a ``BettingTree``.
public struct BettingNode: Hashable, Sendable {
  /// What happens at the node.
  public enum Kind: Hashable, Sendable {
    /// The player (0 out of position, 1 in position) chooses among ``BettingNode/actions``.
    case decision(player: Int)
    /// The next board card is dealt; the one child is the next street's betting.
    case chance
    /// The player folded; the other wins the pot.
    case fold(player: Int)
    /// The hand is shown down after the river.
    case showdown
  }

  public let kind: Kind
  /// The street the node belongs to (a chance node: the street whose card it deals).
  public let street: Street
  /// Chips each player has put in since the spot started.
  public let committed: [Int]
  /// The moves at a decision node, in the order of ``children``.
  public var actions: [BettingAction]
  /// Node indices: one per action at a decision node, one at a chance node, none at a terminal.
  public var children: [Int]
  /// The node this one follows, or nil at the root.
  public let parent: Int?

  /// The pot at the node: the starting pot plus both players' chips since.
  public func pot(startingPot: Int) -> Int { startingPot + committed[0] + committed[1] }

  /// Whether the node ends the hand.
  public var isTerminal: Bool {
    switch kind {
    case .fold, .showdown: true
    default: false
    }
  }
}
