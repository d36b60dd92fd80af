import Cards

extension SpotGame {
  /// Copies the betting tree onto every run of board cards, giving each decision node its slice of
  /// the tables.
  struct Layout {
    let tree: BettingTree
    let handCounts: [Int]
    let pot: Int
    let symmetry: SuitSymmetry
    var nodes: [SpotNode] = []
    /// Permutation indices for the chance nodes' mirrored cards.
    var mirrors: [UInt8] = []
    var tableSize = 0
    var sumTableSize = 0
    var exponentCount = 0
    /// Per betting node, ``SpotGame/derivesLast``.
    let derivesLast: [Bool]
    /// Final boards (bits) in the order their showdown tables are numbered.
    var finalBoards: [UInt64] = []
    var boardIndex: [UInt64: Int32] = [:]

    init(tree: BettingTree, handCounts: [Int], pot: Int, symmetry: SuitSymmetry, derivesLast: [Bool]) {
      self.symmetry = symmetry
      self.tree = tree
      self.handCounts = handCounts
      self.pot = pot
      self.derivesLast = derivesLast
    }

    mutating func expand(
      betting: Int, board: CardSet, boardCount: Int, card: UInt8, valid: [Int], into slot: Int?
    ) {
      let slot = slot ?? nodes.count
      if slot == nodes.count { nodes.append(SpotNode.placeholder) }
      let source = tree.nodes[betting]
      var node = SpotNode.placeholder
      node.card = card
      node.betting = Int32(betting)
      let half = Double(pot) / 2
      switch source.kind {
      case .decision(let player):
        node.kind = UInt8(player)
        node.childCount = UInt8(source.children.count)
        node.offset = tableSize
        node.exponentOffset = Int32(exponentCount)
        // Each hand's regret exponent, then the strategy sums' one exponent (``BlockFloat``).
        exponentCount += handCounts[player] + 1
        tableSize += source.children.count * handCounts[player]
        node.sumOffset = sumTableSize
        sumTableSize += (source.children.count - (derivesLast[betting] ? 1 : 0)) * handCounts[player]
        node.firstChild = Int32(nodes.count)
        nodes.append(contentsOf: repeatElement(SpotNode.placeholder, count: source.children.count))
        nodes[slot] = node
        for (index, child) in source.children.enumerated() {
          expand(
            betting: child, board: board, boardCount: boardCount, card: 255, valid: valid,
            into: Int(node.firstChild) + index)
        }
      case .chance:
        let deals = symmetry.deal(board: board, valid: valid)
        node.kind = SpotNode.chance
        node.childCount = UInt8(deals.count)
        // Given both hands, the next card is one of the 52 − board − 4 left.
        node.value = 1 / Double(48 - boardCount)
        node.firstChild = Int32(nodes.count)
        nodes.append(contentsOf: repeatElement(SpotNode.placeholder, count: deals.count))
        nodes[slot] = node
        for (index, deal) in deals.enumerated() {
          var grown = board
          grown.insert(deal.card)
          let child = Int(node.firstChild) + index
          expand(
            betting: source.children[0], board: grown, boardCount: boardCount + 1, card: deal.card.index,
            valid: deal.stabilizer, into: child)
          nodes[child].mirrorCount = UInt8(deal.mirrors.count)
          nodes[child].mirrorStart = Int32(mirrors.count)
          mirrors += deal.mirrors.map(UInt8.init)
        }
      case .fold(let player):
        node.kind = player == 0 ? SpotNode.fold0 : SpotNode.fold1
        node.value = half + Double(source.committed[player])
        nodes[slot] = node
      case .showdown:
        node.kind = SpotNode.showdown
        node.value = half + Double(source.committed[0])
        if let index = boardIndex[board.bits] {
          node.showdownBoard = index
        } else {
          node.showdownBoard = Int32(finalBoards.count)
          boardIndex[board.bits] = node.showdownBoard
          finalBoards.append(board.bits)
        }
        nodes[slot] = node
      }
    }
  }

  /// What laying out a spot would take, counted from the betting tree alone.
  struct Estimate {
    var nodes: Int
    var tableFloats: Int
    var bytes: Int
  }

  /// Per betting node: whether it is a decision whose player has decided before on this line
  /// (chance nodes between). Its strategy sums then keep one row fewer: a hand's sums at a node add
  /// up to its sum for the action that led there at the player's previous decision (each
  /// iteration adds the hand's own reach times a strategy that sums to one, and that reach is the
  /// previous decision's reach times the action's probability; both are discounted alike), so the
  /// last action's sums are that total less the others'.
  static func derivesLast(_ tree: BettingTree, enabled: Bool = true) -> [Bool] {
    tree.nodes.map { node in
      guard enabled, case .decision(let player) = node.kind else { return false }
      var ancestor = node.parent
      while let index = ancestor {
        if case .decision(let owner) = tree.nodes[index].kind, owner == player { return true }
        ancestor = tree.nodes[index].parent
      }
      return false
    }
  }

  static func estimate(
    tree: BettingTree, board: [Card], handCounts: [Int], symmetry: SuitSymmetry, compressed: Bool,
    derivesLast derives: [Bool], threads: Int
  ) -> Estimate {
    // Copies of a street's nodes: one per class of runs of cards dealt since the spot's street.
    var counts: [Street: Int] = [:]
    var boards: [(CardSet, [Int])] = [(CardSet(board), Array(symmetry.permutations.indices))]
    var street = Street(boardCount: board.count)!
    counts[street] = 1
    while let next = street.next {
      boards = boards.flatMap { current in
        symmetry.deal(board: current.0, valid: current.1).map { deal in
          var grown = current.0
          grown.insert(deal.card)
          return (grown, deal.stabilizer)
        }
      }
      counts[next] = boards.count
      street = next
    }
    func copies(_ street: Street) -> Int { counts[street] ?? 1 }
    var nodes = 0
    var floats = 0
    var sumFloats = 0
    var handNodes = 0
    var finalBoards = 0
    for (index, node) in tree.nodes.enumerated() {
      switch node.kind {
      case .chance:
        let dealt = copies(Street(rawValue: node.street.rawValue - 1) ?? node.street)
        nodes += dealt
      case .decision(let player):
        nodes += copies(node.street)
        floats += copies(node.street) * node.children.count * handCounts[player]
        sumFloats += copies(node.street) * (node.children.count - (derives[index] ? 1 : 0)) * handCounts[player]
        handNodes += copies(node.street) * (handCounts[player] + 1)
      case .showdown:
        nodes += copies(node.street)
        finalBoards = max(finalBoards, copies(.river))
      case .fold:
        nodes += copies(node.street)
      }
    }
    let hands = handCounts[0] + handCounts[1]
    let tables = compressed ? 2 * (floats + sumFloats) + handNodes : 4 * (floats + sumFloats)
    // Per final board: the showdown tables (entries, sweep) and the sorted hands and ranks they
    // are built from, about 20 bytes per hand, and each player's rank groups and card terms.
    let showdowns = finalBoards * (hands * 20 + 3_072)
    let scratch = SpotSolver.scratchBytes(tree, handCounts: handCounts, threads: threads)
    let bytes =
      tables + nodes * MemoryLayout<SpotNode>.stride + showdowns + scratch + SpotGame.processBytes
    return Estimate(nodes: nodes, tableFloats: floats, bytes: bytes)
  }

  /// What a `skeptic` process holds before any spot (the runtime, the binary, the evaluator's
  /// tables): about 27 MB resident.
  static let processBytes = 28 << 20
}

extension SpotNode {
  static let placeholder = SpotNode(
    kind: 255, childCount: 0, card: 255, mirrorCount: 0, betting: -1, firstChild: -1, showdownBoard: -1,
    mirrorStart: 0, exponentOffset: -1, offset: 0, sumOffset: 0, value: 0)
}
