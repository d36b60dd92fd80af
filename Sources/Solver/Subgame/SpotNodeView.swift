import Cards

/// A solved spot seen at one node: who acts, with which actions, and each hand's average
/// strategy, reach, EV and equity there.
public struct SpotNodeView: Sendable {
  /// The line that leads here, as tokens (`x`, `b50`, `7c`, …).
  public var line: [String]
  /// The board at the node (the spot's board plus cards dealt on the line).
  public var board: [Card]
  /// The pot at the node.
  public var pot: Int
  /// Chips each player has put in since the spot started.
  public var committed: [Int]
  /// The acting player, or nil at a chance node or a terminal.
  public var player: Int?
  /// What the node is when nobody acts: `chance`, `fold` or `showdown`.
  public var kind: String
  /// The acting player's actions.
  public var actions: [BettingAction]
  /// The acting player's hands (all of its range's combinations that miss the spot's board).
  public var hands: [HoleCombo]
  /// `strategy[action][hand]`: the average strategy.
  public var strategy: [[Double]]
  /// Each hand's weight at the node: range weight × the player's own strategy on the line, zero
  /// where a card dealt since blocks it.
  public var reach: [Double]
  /// Each hand's EV at the node (chips, counted as in ``SpotEvaluation``), given it is here.
  public var ev: [Double]
  /// Each hand's equity against the opponent's range at the node.
  public var equity: [Double]
  /// Each action's frequency over the whole range at the node.
  public var frequencies: [Double]
  /// The tokens that continue the line from here (actions, or cards at a chance node).
  public var next: [String]
}
