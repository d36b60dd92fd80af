/// One node of a ``SpotGame``: a betting node on one run of board cards.
struct SpotNode: Sendable {
  /// ``SpotNode/decision0`` … ``SpotNode/showdown``.
  var kind: UInt8
  /// Actions at a decision node, children at a chance node.
  var childCount: UInt8
  /// The card dealt just before this node (a chance node's child), else 255.
  var card: UInt8
  /// For a chance node's child: how many other cards play the same with suits permuted; their
  /// permutations are `SpotGame.mirrors[mirrorStart ..< mirrorStart + mirrorCount]`.
  var mirrorCount: UInt8
  /// The node of the betting tree this is a copy of.
  var betting: Int32
  /// The first child; children are contiguous.
  var firstChild: Int32
  /// A showdown's final-board table.
  var showdownBoard: Int32
  var mirrorStart: Int32
  /// Where a decision node's per-hand exponents start in compressed tables.
  var exponentOffset: Int32
  /// Where a decision node's `actions × hands` slice starts in the regret table.
  var offset: Int
  /// Where its strategy sums start: `actions × hands`, or one row fewer when the node derives its
  /// last action's sums (``SpotGame/derivesLast``).
  var sumOffset: Int
  /// What the winner of a fold or showdown gains (half the starting pot plus the loser's chips
  /// since); at a chance node, the probability of each card.
  var value: Double

  static let decision0: UInt8 = 0
  static let decision1: UInt8 = 1
  static let chance: UInt8 = 2
  static let fold0: UInt8 = 3
  static let fold1: UInt8 = 4
  static let showdown: UInt8 = 5
}
