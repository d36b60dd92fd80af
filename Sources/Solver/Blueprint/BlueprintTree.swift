import PokerRules

/// The betting of a heads-up game without its cards: the abstract game a blueprint is trained
/// on, with a card abstraction's buckets standing in for the cards.
///
/// Nodes are numbered depth first with each node's children consecutive. A decision node of
/// round `r` owns, for every bucket of `r`, a run of `childCount` table entries starting
/// ``BlueprintNode/actionOffset`` into that bucket's block: the trainer's tables are laid out
/// round by round, bucket-major, so one deal's walk reads each round's few kilobytes for its
/// buckets contiguously instead of one cache line per node.
public struct BlueprintTree: Sendable {
  /// The game.
  public let game: GameDefinition
  /// The actions kept at each decision.
  public let abstraction: ActionAbstraction
  /// Every node, the root first.
  public let nodes: [BlueprintNode]
  /// The action leading to each node from its parent (nil at the root).
  public let incoming: [Action?]
  /// Per round, the actions of all its decision nodes: the length of one bucket's block.
  public let roundActions: [Int]

  init(game: GameDefinition, abstraction: ActionAbstraction, nodes: [BlueprintNode], incoming: [Action?]) {
    self.game = game
    self.abstraction = abstraction
    self.nodes = nodes
    self.incoming = incoming
    var roundActions = [Int](repeating: 0, count: game.numRounds)
    for node in nodes where node.isDecision { roundActions[Int(node.round)] += Int(node.childCount) }
    self.roundActions = roundActions
  }

  /// Decision nodes.
  public var decisionCount: Int { nodes.lazy.filter(\.isDecision).count }

  /// Actions over all decision nodes.
  public var actionCount: Int { roundActions.reduce(0, +) }

  /// Where each round's block starts in a blueprint's tables for these bucket counts, and the
  /// tables' total size (one entry per decision, action and bucket of its round).
  public func layout(bucketCounts: [Int]) -> (roundBase: [Int], total: Int) {
    var bases: [Int] = []
    var total = 0
    for (actions, buckets) in zip(roundActions, bucketCounts) {
      bases.append(total)
      total += actions * buckets
    }
    return (bases, total)
  }

  /// The child reached by `action` from a decision node, if the abstraction keeps it.
  public func child(of node: Int, action: Action) -> Int? {
    let entry = nodes[node]
    guard entry.isDecision else { return nil }
    for a in 0..<Int(entry.childCount) where incoming[Int(entry.firstChild) + a] == action {
      return Int(entry.firstChild) + a
    }
    return nil
  }

  /// The node a betting line reaches (actions in order, across rounds), if the tree has it.
  public func node(following actions: [Action]) -> Int? {
    var node = 0
    for action in actions {
      guard let next = child(of: node, action: action) else { return nil }
      node = next
    }
    return node
  }
}
