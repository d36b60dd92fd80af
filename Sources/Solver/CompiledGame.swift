import Cards
import PokerRules

/// A game compiled into flat arrays for the solver: the public tree (betting and board cards)
/// with, at each node, one entry per private hand.
///
/// Every player's private hands are the same list, ``hands`` (all sets of `numHoleCards` cards of
/// the deck). A decision node of player `p` owns the `actions × hands` slice of the strategy
/// tables starting at ``slotOffset``, laid out action-major so that inner loops run over hands.
/// An information set is a (decision node, hand) pair whose hand does not overlap the node's
/// board. Nodes are numbered in depth-first order, the root first; a node's children are
/// consecutive in the child list.
public final class CompiledGame: @unchecked Sendable {
  /// The kinds of node.
  public enum Kind: UInt8, Sendable {
    case decision
    case chance
    case terminal
  }

  /// The rules compiled.
  public let definition: GameDefinition
  /// Players.
  public let numPlayers: Int
  /// Every player's possible hole cards, as card sets.
  public let hands: [CardSet]
  /// Node kind by node.
  public let kind: [Kind]
  /// The node's parent (-1 for the root).
  public let parent: [Int32]
  /// The acting player at a decision node (-1 elsewhere).
  public let player: [Int8]
  /// The node's first child in ``children``, and how many it has.
  public let childStart: [Int32]
  public let childCount: [Int32]
  /// Child node ids, grouped by parent.
  public let children: [Int32]
  /// The action leading to each node from its parent (decision parents only).
  public let incomingAction: [Action?]
  /// The betting round of each node.
  public let round: [Int8]
  /// Board cards at each node.
  public let board: [CardSet]
  /// Offset of a decision node's `actions × hands` slice in the strategy tables (-1 elsewhere).
  public let slotOffset: [Int32]
  /// The probability of any one particular deal of everyone's hole cards and the board seen at
  /// the node (the product of the chance probabilities along the way).
  public let dealProbability: [Double]
  /// Per terminal node: contributions per seat, and who folded (`numPlayers` entries each);
  /// indexed through ``terminalIndex``.
  let terminalSpent: [Int32]
  let terminalFolded: [Bool]
  /// Per terminal node: index into the terminal tables (-1 elsewhere).
  let terminalIndex: [Int32]
  /// Per showdown terminal: each hand's rank with that board (`hands.count` entries).
  let showdownRanks: [UInt16]
  /// Per terminal: offset into ``showdownRanks`` (-1 when the hand ended by folds).
  let showdownOffset: [Int32]
  /// The total size of the strategy tables: the sum over decision nodes of actions × hands.
  public let slotCount: Int
  /// Decision nodes in depth-first order.
  public let decisionNodes: [Int32]

  init(
    definition: GameDefinition, hands: [CardSet], kind: [Kind], parent: [Int32], player: [Int8], childStart: [Int32],
    childCount: [Int32], children: [Int32], incomingAction: [Action?], round: [Int8], board: [CardSet],
    slotOffset: [Int32], dealProbability: [Double], terminalSpent: [Int32], terminalFolded: [Bool],
    terminalIndex: [Int32], showdownRanks: [UInt16], showdownOffset: [Int32], slotCount: Int
  ) {
    self.definition = definition
    numPlayers = definition.numPlayers
    self.hands = hands
    self.kind = kind
    self.parent = parent
    self.player = player
    self.childStart = childStart
    self.childCount = childCount
    self.children = children
    self.incomingAction = incomingAction
    self.round = round
    self.board = board
    self.slotOffset = slotOffset
    self.dealProbability = dealProbability
    self.terminalSpent = terminalSpent
    self.terminalFolded = terminalFolded
    self.terminalIndex = terminalIndex
    self.showdownRanks = showdownRanks
    self.showdownOffset = showdownOffset
    self.slotCount = slotCount
    decisionNodes = kind.indices.filter { kind[$0] == .decision }.map { Int32($0) }
    view = GameView(
      nodeCount: kind.count, handCount: hands.count, numPlayers: definition.numPlayers, kind: kind, player: player,
      childStart: childStart, childCount: childCount, children: children, slotOffset: slotOffset,
      dealProbability: dealProbability, terminalIndex: terminalIndex, terminalSpent: terminalSpent,
      terminalFolded: terminalFolded, showdownOffset: showdownOffset, showdownRanks: showdownRanks, hands: hands,
      board: board)
  }

  deinit { view.free() }

  /// The hot-loop view of the arrays above.
  let view: GameView

  /// The number of nodes in the public tree.
  public var nodeCount: Int { kind.count }

  /// The actions available at a decision node, in slice order.
  public func actions(at node: Int) -> [Action] {
    let start = Int(childStart[node])
    return (0..<Int(childCount[node])).map { incomingAction[Int(children[start + $0])]! }
  }

  /// Information sets of each player (decision node and hand not overlapping its board).
  public var informationSetCounts: [Int] {
    var counts = [Int](repeating: 0, count: numPlayers)
    for node in decisionNodes {
      let valid = hands.filter { $0.isDisjoint(with: board[Int(node)]) }.count
      counts[Int(player[Int(node)])] += valid
    }
    return counts
  }

  /// Information-set/action pairs of each player.
  public var informationSetActionCounts: [Int] {
    var counts = [Int](repeating: 0, count: numPlayers)
    for node in decisionNodes {
      let valid = hands.filter { $0.isDisjoint(with: board[Int(node)]) }.count
      counts[Int(player[Int(node)])] += valid * Int(childCount[Int(node)])
    }
    return counts
  }
}
