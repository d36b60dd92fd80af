/// A postflop betting tree built from ``BettingRules``: pot, stacks and bet menus in, every line of
/// betting out, with no cards in it.
///
/// The spot solver lays cards over it; a hold'em blueprint's abstract game and a re-solving bot
/// can reuse it. Nodes are stored flat, the root first, each node's children after it.
public struct BettingTree: Hashable, Sendable {
  /// The rules the tree was built from.
  public let rules: BettingRules
  /// The nodes, root at index 0.
  public let nodes: [BettingNode]

  /// Builds the tree.
  ///
  /// - Parameter maxNodes: the most nodes built; a tree that would grow past them (many sizes
  ///   under a high raise cap grow it exponentially) is refused before it fills the memory.
  /// - Throws: ``SpotError`` when the rules are out of range (`tooLarge` past `maxNodes`).
  public init(rules: BettingRules, maxNodes: Int = BettingTree.defaultMaxNodes) throws(SpotError) {
    try rules.validate()
    self.rules = rules
    var builder = Builder(rules: rules, maxNodes: maxNodes)
    builder.buildStreetStart(street: rules.street, committed: 0, previousAggressor: nil, parent: nil)
    guard !builder.overflowed else {
      throw SpotError(
        .tooLarge, field: "raise cap",
        "the betting tree grows past \(maxNodes) nodes with a raise cap of \(rules.raiseCap) and these bet and raise sizes; expected a tree that fits in memory: lower the raise cap or give fewer sizes"
      )
    }
    nodes = builder.nodes
  }

  /// A million betting nodes (about 300 MB while built); SPOTS.md's flop has 354.
  public static let defaultMaxNodes = 1_000_000

  /// The number of decision nodes on each street.
  public func decisionCounts() -> [Street: Int] {
    var counts: [Street: Int] = [:]
    for node in nodes {
      if case .decision = node.kind { counts[node.street, default: 0] += 1 }
    }
    return counts
  }

  /// The index of the node reached from `node` by the action written as `token` (`x`, `c`, `f`,
  /// `b50`, `r150`, `allin`, or the action's description), or nil.
  public func child(of node: Int, token: String) -> Int? {
    let word = token.lowercased()
    let node = nodes[node]
    for (index, action) in node.actions.enumerated() {
      if action.token == word || action.description.lowercased() == word
        || (action.isAllIn && (word == "a" || word == "allin" || word == "all-in"))
        || word == action.kind.rawValue && (action.kind == .check || action.kind == .call || action.kind == .fold)
      {
        return node.children[index]
      }
    }
    return nil
  }
}
