import Cards

/// Raw pointers to a ``CompiledGame``'s node arrays, taken once so hot loops index memory
/// directly (no array bounds or exclusivity checks). Valid while the game lives.
struct GameView: @unchecked Sendable {
  let nodeCount: Int
  let handCount: Int
  let numPlayers: Int
  let kind: UnsafeMutablePointer<UInt8>
  let player: UnsafeMutablePointer<Int8>
  let childStart: UnsafeMutablePointer<Int32>
  let childCount: UnsafeMutablePointer<Int32>
  let children: UnsafeMutablePointer<Int32>
  let slotOffset: UnsafeMutablePointer<Int32>
  let dealProbability: UnsafeMutablePointer<Double>
  let terminalIndex: UnsafeMutablePointer<Int32>
  let terminalSpent: UnsafeMutablePointer<Int32>
  let terminalFolded: UnsafeMutablePointer<Bool>
  let showdownOffset: UnsafeMutablePointer<Int32>
  let showdownRanks: UnsafeMutablePointer<UInt16>
  let hands: UnsafeMutablePointer<UInt64>
  let board: UnsafeMutablePointer<UInt64>
  /// Hole cards per hand, and each hand's cards as card indices (`holeCards` per hand).
  let holeCards: Int
  let handCards: UnsafeMutablePointer<UInt8>
  /// For small hand counts, each showdown's `hands × hands` matrix of outcomes for the first of
  /// the pair (+1 win, -1 loss, 0 tie or clash), at ``showdownSignOffset``; nil otherwise.
  let showdownSigns: UnsafeMutablePointer<Double>?
  let showdownSignOffset: UnsafeMutablePointer<Int32>
  /// For larger hand counts, each showdown's hands in increasing rank order (at the same offsets
  /// as ``showdownRanks``), so a showdown is valued in one sweep up and one down; nil otherwise.
  let showdownOrder: UnsafeMutablePointer<UInt16>?
  /// Nodes in each node's subtree, itself included.
  let subtreeSize: UnsafeMutablePointer<Int32>
  /// Deepest chain of decision and chance nodes, for sizing scratch space.
  let depth: Int
  let maxActions: Int

  init(
    nodeCount: Int, handCount: Int, numPlayers: Int, kind: [CompiledGame.Kind], player: [Int8], childStart: [Int32],
    childCount: [Int32], children: [Int32], slotOffset: [Int32], dealProbability: [Double], terminalIndex: [Int32],
    terminalSpent: [Int32], terminalFolded: [Bool], showdownOffset: [Int32], showdownRanks: [UInt16],
    hands: [CardSet], board: [CardSet]
  ) {
    func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
      let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(1, array.count))
      pointer.initialize(from: array, count: array.count)
      return pointer
    }
    self.nodeCount = nodeCount
    self.handCount = handCount
    self.numPlayers = numPlayers
    self.kind = copy(kind.map(\.rawValue))
    self.player = copy(player)
    self.childStart = copy(childStart)
    self.childCount = copy(childCount)
    self.children = copy(children)
    self.slotOffset = copy(slotOffset)
    self.dealProbability = copy(dealProbability)
    self.terminalIndex = copy(terminalIndex)
    self.terminalSpent = copy(terminalSpent)
    self.terminalFolded = copy(terminalFolded)
    self.showdownOffset = copy(showdownOffset)
    self.showdownRanks = copy(showdownRanks)
    self.hands = copy(hands.map(\.bits))
    self.board = copy(board.map(\.bits))
    let holeCards = hands.first?.count ?? 1
    self.holeCards = holeCards
    handCards = copy(hands.flatMap { $0.map(\.index) })
    let terminals = showdownOffset.count
    var offsets = [Int32](repeating: -1, count: max(terminals, 1))
    if handCount <= 16 {
      var signs: [Double] = []
      for terminal in 0..<terminals where showdownOffset[terminal] >= 0 {
        offsets[terminal] = Int32(signs.count)
        let ranks = showdownRanks[Int(showdownOffset[terminal])...]
        let base = ranks.startIndex
        for h in 0..<handCount {
          for o in 0..<handCount {
            let clash = hands[h].intersection(hands[o]).count > 0
            let (mine, theirs) = (ranks[base + h], ranks[base + o])
            signs.append(clash ? 0 : mine > theirs ? 1 : mine < theirs ? -1 : 0)
          }
        }
      }
      showdownSigns = copy(signs)
      showdownOrder = nil
    } else {
      showdownSigns = nil
      var order = [UInt16](repeating: 0, count: showdownRanks.count)
      for terminal in 0..<terminals where showdownOffset[terminal] >= 0 {
        let start = Int(showdownOffset[terminal])
        let sorted = (0..<handCount).sorted { (showdownRanks[start + $0], $0) < (showdownRanks[start + $1], $1) }
        for (position, hand) in sorted.enumerated() { order[start + position] = UInt16(hand) }
      }
      showdownOrder = copy(order)
    }
    showdownSignOffset = copy(offsets)
    maxActions = Int(childCount.max() ?? 1)
    var deepest = 0
    var sizes = [Int32](repeating: 1, count: max(nodeCount, 1))
    func measure(_ node: Int, _ level: Int) -> Int32 {
      deepest = max(deepest, level)
      let start = Int(childStart[node])
      for i in 0..<Int(childCount[node]) { sizes[node] += measure(Int(children[start + i]), level + 1) }
      return sizes[node]
    }
    _ = measure(0, 1)
    depth = deepest
    subtreeSize = copy(sizes)
  }

  func free() {
    let first: [UnsafeMutableRawPointer] = [
      UnsafeMutableRawPointer(kind), UnsafeMutableRawPointer(player), UnsafeMutableRawPointer(childStart),
      UnsafeMutableRawPointer(childCount), UnsafeMutableRawPointer(children), UnsafeMutableRawPointer(slotOffset),
      UnsafeMutableRawPointer(dealProbability), UnsafeMutableRawPointer(terminalIndex),
    ]
    let second: [UnsafeMutableRawPointer] = [
      UnsafeMutableRawPointer(terminalSpent), UnsafeMutableRawPointer(terminalFolded),
      UnsafeMutableRawPointer(showdownOffset), UnsafeMutableRawPointer(showdownRanks), UnsafeMutableRawPointer(hands),
      UnsafeMutableRawPointer(board), UnsafeMutableRawPointer(handCards), UnsafeMutableRawPointer(showdownSignOffset),
      UnsafeMutableRawPointer(subtreeSize),
    ]
    for pointer in first + second { pointer.deallocate() }
    showdownSigns?.deallocate()
    showdownOrder?.deallocate()
  }
}
