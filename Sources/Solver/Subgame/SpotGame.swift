import Cards
import Foundation

/// A spot laid out for solving: the betting tree copied onto every run of board cards, each
/// player's hands, and per final board the hands sorted by strength.
///
/// Built once; read-only afterwards, so solver threads share it.
public final class SpotGame: @unchecked Sendable {
  /// The spot.
  public let spot: Spot
  /// The betting tree, without cards.
  public let tree: BettingTree
  /// Each player's hands: the range's combinations that miss the board, in range order.
  public let hands: [[HoleCombo]]
  /// The two cards of each hand, `cards[player][2 * hand]` and `[2 * hand + 1]`.
  let cards: [[UInt8]]
  /// Each hand's range weight.
  let weights: [[Double]]
  /// For each hand, the same two cards in the opponent's list, or -1.
  let sameHand: [[Int32]]
  /// Hands holding each card: `withCard[player][card]`.
  let withCard: [[[Int32]]]
  /// The nodes, root first: one flat allocation the solver walks directly (never written after
  /// the layout).
  let nodes: UnsafeMutableBufferPointer<SpotNode>
  /// Entries in the regret table: the sum over decision nodes of actions × hands.
  public let tableSize: Int
  /// Entries in the strategy-sum table: as ``tableSize`` less one row of hands at each node that
  /// derives its last action's sums (``derivesLast``).
  public let sumTableSize: Int
  /// Per betting node: whether its strategy sums keep one row fewer, the last action's being the
  /// sums of the action that led there at the player's previous decision less the others'.
  let derivesLast: [Bool]
  /// Per final board and player, hands that miss the board sorted by rank (weakest first) and
  /// their ranks: `sortedHands[board][player]`.
  let sortedHands: [[[Int32]]]
  let sortedRanks: [[[UInt16]]]
  /// The weight of all hand pairs that share no card (the denominator of every expectation).
  public let pairWeight: Double
  /// The suit permutations that leave the spot unchanged.
  let symmetry: SuitSymmetry
  /// One per hand per decision node: the exponents of compressed tables.
  let exponentCount: Int
  /// The bytes the solving process was estimated to hold before the layout (checked against
  /// `maxMemory`): the solver's ``SpotSolver/bytes`` and the process's own, about 28 MB.
  public let estimatedBytes: Int
  /// Permutation indices of chance nodes' mirrored cards (see ``SpotNode/mirrorCount``).
  let mirrors: [UInt8]

  /// The number of hands of each player.
  public var handCounts: [Int] { hands.map(\.count) }

  /// Lays out `spot`.
  ///
  /// - Parameters:
  ///   - maxMemory: bytes the solving process may hold (its tables, nodes, showdown tables and
  ///     scratch, and the process itself); the estimate is checked before anything large is
  ///     allocated.
  ///   - isomorphism: solve one card of each class of suit-isomorphic cards (when the board and
  ///     both ranges are symmetric in some suits) and copy its values to the others.
  ///   - compressedTables: estimate memory for 16-bit tables (``SpotSolver``'s `compressed`).
  ///   - derivesSums: keep one row of strategy sums fewer where the player decided before
  ///     (``derivesLast``; the default); `false` keeps every row, to check the derived ones against.
  ///   - threads: the solver's threads, for the estimate (each takes its own scratch).
  /// - Throws: ``SpotError`` with code `tooLarge` and the estimate when the spot would not fit.
  public init(
    spot: Spot, maxMemory: Int = Int.max, isomorphism: Bool = true, compressedTables: Bool = false,
    derivesSums: Bool = true, threads: Int = 1
  ) throws(SpotError) {
    self.spot = spot
    // A betting node takes about 300 bytes while the tree is built.
    tree = try BettingTree(rules: spot.rules, maxNodes: min(BettingTree.defaultMaxNodes, max(maxMemory / 300, 1_000)))
    let boardSet = CardSet(spot.board)
    var hands: [[HoleCombo]] = []
    for range in spot.ranges {
      hands.append(range.combos.filter { $0.cardSet.intersection(boardSet).isEmpty })
    }
    self.hands = hands
    symmetry = SuitSymmetry(board: spot.board, hands: hands, enabled: isomorphism)
    let derives = SpotGame.derivesLast(tree, enabled: derivesSums)
    let estimate = SpotGame.estimate(
      tree: tree, board: spot.board, handCounts: hands.map(\.count), symmetry: symmetry,
      compressed: compressedTables, derivesLast: derives, threads: threads)
    estimatedBytes = estimate.bytes
    guard estimate.bytes <= maxMemory else {
      throw SpotError(
        .tooLarge, field: "spot",
        "solving needs about \(SpotGame.megabytes(estimate.bytes)) (\(estimate.nodes) nodes, \(estimate.tableFloats) table entries), more than the \(SpotGame.megabytes(maxMemory)) allowed (--max-memory); use fewer bet sizes, a lower raise cap or narrower ranges"
      )
    }
    cards = hands.map { list in list.flatMap { [$0.cards[0].index, $0.cards[1].index] } }
    weights = hands.map { list in list.map(\.weight) }
    var same: [[Int32]] = [[], []]
    var withCard: [[[Int32]]] = [Array(repeating: [], count: 52), Array(repeating: [], count: 52)]
    for player in 0..<2 {
      var lookup: [HoleCombo: Int32] = [:]
      for (index, combo) in hands[1 - player].enumerated() {
        lookup[HoleCombo(combo.cards[0], combo.cards[1])] = Int32(index)
      }
      for (index, combo) in hands[player].enumerated() {
        same[player].append(lookup[HoleCombo(combo.cards[0], combo.cards[1])] ?? -1)
        withCard[player][Int(combo.cards[0].index)].append(Int32(index))
        withCard[player][Int(combo.cards[1].index)].append(Int32(index))
      }
    }
    sameHand = same
    self.withCard = withCard
    var pairs = 0.0
    for (i, first) in hands[0].enumerated() {
      for (j, second) in hands[1].enumerated() where first.cardSet.intersection(second.cardSet).isEmpty {
        pairs += weights[0][i] * weights[1][j]
      }
    }
    pairWeight = pairs
    var layout = Layout(
      tree: tree, handCounts: hands.map(\.count), pot: spot.rules.pot, symmetry: symmetry, derivesLast: derives)
    layout.expand(
      betting: 0, board: boardSet, boardCount: spot.board.count, card: 255,
      valid: Array(symmetry.permutations.indices), into: nil)
    nodes = .allocate(capacity: layout.nodes.count)
    _ = nodes.initialize(from: layout.nodes)
    layout.nodes = []
    mirrors = layout.mirrors
    exponentCount = layout.exponentCount
    tableSize = layout.tableSize
    sumTableSize = layout.sumTableSize
    derivesLast = derives
    let evaluator = HandEvaluator.shared
    var sortedHands: [[[Int32]]] = []
    var sortedRanks: [[[UInt16]]] = []
    for finalBoard in layout.finalBoards {
      let boardHand = CardSet(bits: finalBoard).reduce(Hand.empty) { $0 + Hand($1) }
      var perPlayer: [[Int32]] = []
      var perPlayerRanks: [[UInt16]] = []
      for player in 0..<2 {
        var entries: [(rank: UInt16, hand: Int32)] = []
        for (index, combo) in hands[player].enumerated() where combo.cardSet.bits & finalBoard == 0 {
          let hand = boardHand + Hand(combo.cards[0]) + Hand(combo.cards[1])
          entries.append((evaluator.rank(of: hand).value, Int32(index)))
        }
        entries.sort { ($0.rank, $0.hand) < ($1.rank, $1.hand) }
        perPlayer.append(entries.map(\.hand))
        perPlayerRanks.append(entries.map(\.rank))
      }
      sortedHands.append(perPlayer)
      sortedRanks.append(perPlayerRanks)
    }
    self.sortedHands = sortedHands
    self.sortedRanks = sortedRanks
  }

  deinit { nodes.deallocate() }

  /// `923 MB`, `1.2 GB`.
  public static func megabytes(_ bytes: Int) -> String {
    bytes >= 1 << 30
      ? String(format: "%.1f GB", Double(bytes) / Double(1 << 30))
      : String(format: "%.0f MB", Double(bytes) / Double(1 << 20))
  }
}

extension SpotGame {
  /// Nodes in the laid-out tree (betting nodes times the runs of cards they sit on).
  public var nodeCount: Int { nodes.count }
}
