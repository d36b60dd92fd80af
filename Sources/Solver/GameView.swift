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
    maxActions = Int(childCount.max() ?? 1)
    var deepest = 0
    func measure(_ node: Int, _ level: Int) {
      deepest = max(deepest, level)
      let start = Int(childStart[node])
      for i in 0..<Int(childCount[node]) { measure(Int(children[start + i]), level + 1) }
    }
    measure(0, 1)
    depth = deepest
  }

  func free() {
    for pointer in [
      UnsafeMutableRawPointer(kind), UnsafeMutableRawPointer(player), UnsafeMutableRawPointer(childStart),
      UnsafeMutableRawPointer(childCount), UnsafeMutableRawPointer(children), UnsafeMutableRawPointer(slotOffset),
      UnsafeMutableRawPointer(dealProbability), UnsafeMutableRawPointer(terminalIndex),
      UnsafeMutableRawPointer(terminalSpent), UnsafeMutableRawPointer(terminalFolded),
      UnsafeMutableRawPointer(showdownOffset), UnsafeMutableRawPointer(showdownRanks), UnsafeMutableRawPointer(hands),
      UnsafeMutableRawPointer(board),
    ] {
      pointer.deallocate()
    }
  }
}
