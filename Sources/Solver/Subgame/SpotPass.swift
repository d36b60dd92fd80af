/// Everything one walk over a ``SpotGame`` reads and writes, as raw pointers into the solver's
/// flat buffers: taken once per pass, so the hot loops touch no class storage and no array
/// bounds checks.
struct SpotPass: @unchecked Sendable {
  let nodes: UnsafePointer<SpotNode>
  let regrets: UnsafeMutablePointer<Float>
  let sums: UnsafeMutablePointer<Float>
  /// With 16-bit tables: regrets as Int16 with one exponent per hand and sums as UInt16 with one
  /// exponent per node (``BlockFloat``): a node's `hands + 1` exponent bytes at `exponentOffset`,
  /// the hands' regret exponents then the sums' (`sumExponents` is the same array).
  let compressed: Bool
  let regrets16: UnsafeMutablePointer<Int16>
  let sums16: UnsafeMutablePointer<UInt16>
  let regretExponents: UnsafeMutablePointer<UInt8>
  let sumExponents: UnsafeMutablePointer<UInt8>
  let handCount0: Int
  let handCount1: Int
  /// Two cards per hand.
  let cards0: UnsafePointer<UInt8>
  let cards1: UnsafePointer<UInt8>
  /// The same two cards in the other player's list, or -1.
  let same0: UnsafePointer<Int32>
  let same1: UnsafePointer<Int32>
  /// Hands holding card c: `withCardList[withCardStart[c] ..< withCardStart[c + 1]]`.
  let withCardStart0: UnsafePointer<Int32>
  let withCardStart1: UnsafePointer<Int32>
  let withCardList0: UnsafePointer<Int32>
  let withCardList1: UnsafePointer<Int32>
  /// The showdown tables (``ShowdownTables``, the solver's, which outlives the pass).
  let showdownEntries: UnsafePointer<ShowdownEntry>
  let groupStart: UnsafePointer<Int32>
  let showdownGroups: UnsafePointer<UInt32>
  let pairStart: UnsafePointer<Int32>
  let showdownPairs: UnsafePointer<UInt64>
  let orderStart: UnsafePointer<Int32>
  let sweep: UnsafePointer<ShowdownTables.SweepStep>
  let cardStart: UnsafePointer<UInt16>
  /// Chance children's mirrored cards: permutation indices (see ``SpotNode/mirrorCount``).
  let mirrors: UnsafePointer<UInt8>
  /// Per betting node: whether it starts a last-street subtree (its first decision after the last
  /// card), which ``lastStreetCFR(_:_:_:_:_:_:)`` walks with its terminals batched.
  let lastStreetRoots: UnsafePointer<Bool>
  /// Per betting node: whether it starts a subtree of the street before the last (the first
  /// decision after the turn card), which ``penultimateCFR(_:_:_:_:_:_:parallel:)`` walks with
  /// all its river subtrees' terminals batched, river card by river card.
  let penultimateRoots: UnsafePointer<Bool>
  /// Per betting node: whether its strategy sums keep one row fewer (``SpotGame/derivesLast``).
  let derivesLast: UnsafePointer<Bool>
  /// The most terminals in one batch list: a last-street subtree's, or those of all the river
  /// subtrees of a penultimate subtree for one river card, or its folds.
  let batchTerminals: Int
  /// For permutation k and player p, the permuted hand of each hand:
  /// `handMaps[k * (handCount0 + handCount1) + (p == 0 ? 0 : handCount0) + hand]`.
  let handMaps: UnsafePointer<Int32>
  /// This iteration's discounts: positive and negative regrets, and the strategy sums.
  let positiveDiscount: Float
  let negativeDiscount: Float
  let sumDiscount: Float
  /// Regret matching+: regrets floored at zero after each update.
  let floorsRegrets: Bool
  let threads: Int
  /// The solver's worker threads (nil with one thread).
  let pool: ThreadPool?
  /// Each worker's scratch (worker w at `workerFloats + w * workerStride`).
  let workerFloats: UnsafeMutablePointer<Float>
  let workerDoubles: UnsafeMutablePointer<Double>
  let workerStride: Int
  /// Worker w's doubles at `workerDoubles + w * workerDoubleStride`.
  let workerDoubleStride: Int

  @inline(__always) func handCount(_ player: Int) -> Int { player == 0 ? handCount0 : handCount1 }
  @inline(__always) func cards(_ player: Int) -> UnsafePointer<UInt8> { player == 0 ? cards0 : cards1 }
  @inline(__always) func same(_ player: Int) -> UnsafePointer<Int32> { player == 0 ? same0 : same1 }
  @inline(__always) func handMap(_ permutation: Int, _ player: Int) -> UnsafePointer<Int32> {
    handMaps + permutation * (handCount0 + handCount1) + (player == 0 ? 0 : handCount0)
  }

  /// Calls `body` with each hand of `player` that holds `card`.
  @inline(__always)
  func forEachHand(of player: Int, holding card: UInt8, _ body: (Int) -> Void) {
    let start = player == 0 ? withCardStart0 : withCardStart1
    let list = player == 0 ? withCardList0 : withCardList1
    for position in Int(start[Int(card)])..<Int(start[Int(card) + 1]) { body(Int(list[position])) }
  }

  /// Runs `body(k, worker)` for k in 0..<count on `threads` threads, each k exactly once.
  func parallelFor(_ count: Int, _ body: (Int, Int) -> Void) {
    // Each k writes only its own slice of the caller's buffers and its own subtree's table slots.
    // Walks are parallel only with more than one thread, when the solver has a pool.
    guard let pool else {
      for k in 0..<count { body(k, 0) }
      return
    }
    pool.run(count, body)
  }
}
