import Foundation

/// Solves a ``SpotGame`` with a member of the CFR family, vectorised over hands.
///
/// Regrets and strategy sums are 32-bit floats in two flat tables, one `actions × hands` slice
/// per decision node (or, compressed, 16-bit integers with one scale per slice: half the memory);
/// where the player decided before on the line, the sums keep one row fewer, the last action's
/// being derived (``SpotGame/derivesLast``). Values are accumulated in Double where they are
/// summed over hands.
/// Players update in turn (alternating updates). Chance nodes split their cards across threads
/// and sum the results in card order, so every thread count gives the same bits.
///
/// ```swift
/// let game = try SpotGame(spot: spot)
/// let solver = try SpotSolver(game: game, threads: 2)
/// for _ in 0..<200 { solver.iterate() }
/// let report = solver.evaluation()
/// print(report.exploitabilityPercentOfPot)
/// ```
public final class SpotSolver: @unchecked Sendable {
  /// The laid-out spot.
  public let game: SpotGame
  /// The regret minimiser.
  public let algorithm: Algorithm
  /// Threads used at chance nodes.
  public let threads: Int
  /// Whether the tables are 16-bit.
  public let compressed: Bool
  /// DCFR as the spot solver runs it by default: (3/2, 0, 3). The averaging exponent 3 (DCFR's
  /// paper recommends 2) took 6–10 % fewer iterations to 0.1 % of the pot on every SPOTS.md river,
  /// turn and flop spot (`skeptic solve SPOT --gamma 2` against the default).
  public static let dcfr = Algorithm.discounted(alpha: 1.5, beta: 0, gamma: 3)
  /// Iterations done (each updates both players).
  public private(set) var iteration = 0

  let regrets: UnsafeMutablePointer<Float>
  let sums: UnsafeMutablePointer<Float>
  let regrets16: UnsafeMutablePointer<Int16>
  let sums16: UnsafeMutablePointer<UInt16>
  let regretExponents: UnsafeMutablePointer<UInt8>
  let sumExponents: UnsafeMutablePointer<UInt8>
  /// The game's nodes (the game owns them and outlives every pass through ``game``).
  let nodes: UnsafeMutablePointer<SpotNode>
  let hands: UnsafeMutablePointer<UInt8>
  let twins: UnsafeMutablePointer<Int32>
  let cardStarts: UnsafeMutablePointer<Int32>
  let cardLists: UnsafeMutablePointer<Int32>
  let showdowns: ShowdownTables
  let scratchFloats: UnsafeMutablePointer<Float>
  let mirrors: UnsafeMutablePointer<UInt8>
  let handMaps: UnsafeMutablePointer<Int32>
  let scratchDoubles: UnsafeMutablePointer<Double>
  /// Worker threads for chance nodes, when there is more than one thread.
  let pool: ThreadPool?
  /// Floats per thread's scratch.
  let scratchStride: Int
  /// Doubles per thread's scratch (the evaluation walks, which batch nothing).
  let doubleStride: Int
  /// Per betting node, whether it starts a last-street subtree (``SpotPass/lastStreetRoots``).
  let lastStreetRoots: UnsafeMutablePointer<Bool>
  /// Per betting node, whether it starts a subtree of the street before the last
  /// (``SpotPass/penultimateRoots``).
  let penultimateRoots: UnsafeMutablePointer<Bool>
  /// Per betting node, ``SpotGame/derivesLast``.
  let derivesLast: UnsafeMutablePointer<Bool>
  /// The most terminals in one batch list (``SpotPass/batchTerminals``).
  let batchTerminals: Int
  /// Per player, ``checkDown(_:)``: it does not depend on the strategy, so it is computed once.
  lazy var checkDownFigures: [(difference: [Double], total: [Double])] = [checkDown(0), checkDown(1)]

  /// Makes a solver with zeroed tables.
  ///
  /// - Throws: ``SolverError`` when the algorithm is one the spot solver does not run (PCFR+).
  /// - Parameters:
  ///   - compressed: keep the tables in 16 bits (half the memory; a little slower).
  ///   - batchesTerminals: walk each last-street subtree in passes that value its showdowns and
  ///     folds eight at a time, and each turn subtree river card by river card with the river
  ///     subtrees under all its chance nodes batched together (the default); `false` values
  ///     terminals one at a time, the plain walk, kept to check the batched ones (the same bits)
  ///     against.
  public init(
    game: SpotGame, algorithm: Algorithm = SpotSolver.dcfr, threads: Int = 1, compressed: Bool = false,
    batchesTerminals: Bool = true
  ) throws(SolverError) {
    if case .predictivePlus = algorithm {
      throw SolverError(.badParameter, "the spot solver runs cfr, cfr+, lcfr and dcfr; pcfr+ is for full games")
    }
    self.game = game
    self.algorithm = algorithm
    self.threads = max(1, threads)
    self.compressed = compressed
    let wide = compressed ? 1 : max(game.tableSize, 1)
    let narrow = compressed ? max(game.tableSize, 1) : 1
    let wideSums = compressed ? 1 : max(game.sumTableSize, 1)
    let narrowSums = compressed ? max(game.sumTableSize, 1) : 1
    regrets = .allocate(capacity: wide)
    regrets.initialize(repeating: 0, count: wide)
    sums = .allocate(capacity: wideSums)
    sums.initialize(repeating: 0, count: wideSums)
    regrets16 = .allocate(capacity: narrow)
    regrets16.initialize(repeating: 0, count: narrow)
    sums16 = .allocate(capacity: narrowSums)
    sums16.initialize(repeating: 0, count: narrowSums)
    let exponents = compressed ? max(game.exponentCount, 1) : 1
    regretExponents = .allocate(capacity: exponents)
    regretExponents.initialize(repeating: 0, count: exponents)
    // The sums' exponents sit in the same blocks, after each node's regret exponents.
    sumExponents = regretExponents
    nodes = game.nodes.baseAddress!
    let counts = game.handCounts
    hands = .allocate(capacity: 2 * (counts[0] + counts[1]))
    hands.initialize(from: game.cards[0] + game.cards[1], count: 2 * (counts[0] + counts[1]))
    twins = .allocate(capacity: counts[0] + counts[1])
    twins.initialize(from: game.sameHand[0] + game.sameHand[1], count: counts[0] + counts[1])
    cardStarts = .allocate(capacity: 2 * 53)
    var lists: [Int32] = []
    for player in 0..<2 {
      for card in 0..<52 {
        cardStarts[player * 53 + card] = Int32(lists.count)
        lists += game.withCard[player][card]
      }
      cardStarts[player * 53 + 52] = Int32(lists.count)
    }
    cardLists = .allocate(capacity: max(lists.count, 1))
    cardLists.initialize(from: lists, count: lists.count)
    showdowns = ShowdownTables(
      sortedHands: game.sortedHands, sortedRanks: game.sortedRanks,
      cards: game.cards)
    mirrors = .allocate(capacity: max(game.mirrors.count, 1))
    mirrors.initialize(from: game.mirrors, count: game.mirrors.count)
    let maps = game.symmetry.handMaps.flatMap { $0[0] + $0[1] }
    handMaps = .allocate(capacity: maps.count)
    handMaps.initialize(from: maps, count: maps.count)
    pool = self.threads > 1 ? ThreadPool(threads: self.threads) : nil
    let batched = SpotSolver.batchedWalks(game.tree, handCounts: game.handCounts)
    let count = batched.last.count
    lastStreetRoots = .allocate(capacity: count)
    lastStreetRoots.initialize(from: batched.last.map { $0 && batchesTerminals }, count: count)
    penultimateRoots = .allocate(capacity: count)
    penultimateRoots.initialize(from: batched.penultimate.map { $0 && batchesTerminals }, count: count)
    derivesLast = .allocate(capacity: count)
    derivesLast.initialize(from: game.derivesLast, count: count)
    batchTerminals = max(batched.terminals, 1)
    doubleStride = SpotSolver.scratchSize(game.tree, handCounts: game.handCounts, rows: 2)
    scratchStride = SpotSolver.scratchSize(game.tree, handCounts: game.handCounts) + batched.floats
    // Slot 0 is the calling thread's; workers take 1…threads.
    scratchFloats = .allocate(capacity: scratchStride * (self.threads + 1))
    scratchFloats.initialize(repeating: 0, count: scratchStride * (self.threads + 1))
    scratchDoubles = .allocate(capacity: doubleStride * (self.threads + 1))
    scratchDoubles.initialize(repeating: 0, count: doubleStride * (self.threads + 1))
  }

  deinit {
    pool?.stop()
    for pointer in [regrets, sums, scratchFloats] as [UnsafeMutablePointer<Float>] { pointer.deallocate() }
    scratchDoubles.deallocate()
    regrets16.deallocate()
    sums16.deallocate()
    regretExponents.deallocate()
    mirrors.deallocate()
    handMaps.deallocate()
    lastStreetRoots.deallocate()
    penultimateRoots.deallocate()
    derivesLast.deallocate()
    hands.deallocate()
    twins.deallocate()
    cardStarts.deallocate()
    cardLists.deallocate()
  }

  /// Enough scratch for the deepest line: each level takes at most a few `actions × hands`
  /// slices, and a chance node one value row per card (`rows` per hand vector: two for an
  /// evaluation that returns the average's and the best response's values together).
  static func scratchSize(_ tree: BettingTree, handCounts: [Int], rows: Int = 1) -> Int {
    var depth = [Int](repeating: 0, count: tree.nodes.count)
    var deepest = 0
    var widest = 1
    for (index, node) in tree.nodes.enumerated() {
      if let parent = node.parent { depth[index] = depth[parent] + 1 }
      deepest = max(deepest, depth[index])
      widest = max(widest, node.children.count)
    }
    let hands = max(handCounts[0], handCounts[1], 1)
    return (deepest + 2) * (4 * widest + 4 + 52) * hands * rows
  }

  /// The scratch bytes a solver with `threads` threads takes (the calling thread's and each
  /// worker's floats and doubles).
  static func scratchBytes(_ tree: BettingTree, handCounts: [Int], threads: Int) -> Int {
    let floats = scratchSize(tree, handCounts: handCounts) + batchedWalks(tree, handCounts: handCounts).floats
    let doubles = scratchSize(tree, handCounts: handCounts, rows: 2)
    return (floats * 4 + doubles * 8) * (max(threads, 1) + 1)
  }

  /// The subtrees walked with their terminals batched (``SpotPass/lastStreetRoots``,
  /// ``SpotPass/penultimateRoots``): per betting node whether it starts a last-street subtree (the
  /// first decision after the last card, or a river spot's root) or a subtree of the street before
  /// (the first decision after the turn card, or a turn spot's root); the most terminals one
  /// batch list holds; and the scratch floats these walks take beyond a ``cfr`` walk's.
  static func batchedWalks(_ tree: BettingTree, handCounts: [Int]) -> (
    last: [Bool], penultimate: [Bool], terminals: Int, floats: Int
  ) {
    var last = [Bool](repeating: false, count: tree.nodes.count)
    var penultimate = last
    var terminals = 0
    var floats = 0
    let hands = max(handCounts[0], handCounts[1], 1)
    let batch = SpotPass.batchWidth * (8 * hands + 208)
    func startsStreet(_ index: Int) -> Bool {
      guard case .decision = tree.nodes[index].kind else { return false }
      guard let parent = tree.nodes[index].parent else { return true }
      return tree.nodes[parent].kind == .chance
    }
    // Rows (`hands` floats each) a last-street walk lays out below `index`, and its terminals.
    func lastStreetSize(_ index: Int) -> (rows: Int, terminals: Int) {
      var rows = 0
      var count = 0
      var stack = [index]
      while let next = stack.popLast() {
        let node = tree.nodes[next]
        if node.isTerminal {
          count += 1
          rows += 1
        } else {
          rows += node.children.count
          stack += node.children
        }
      }
      return (rows, count)
    }
    for (index, node) in tree.nodes.enumerated() where startsStreet(index) {
      if node.street == .river {
        last[index] = true
        let size = lastStreetSize(index)
        terminals = max(terminals, size.terminals)
        floats = max(floats, size.rows * hands + batch)
      } else if node.street == .turn {
        // Its own rows (strategies and the player's children's reaches), its folds, and the
        // river subtrees below its chance nodes, all walked together for one river card.
        var rows = 0
        var folds = 0
        var chances = 0
        var riverRows = 0
        var riverTerminals = 0
        var stack = [index]
        var eligible = true
        while let next = stack.popLast() {
          let child = tree.nodes[next]
          switch child.kind {
          case .decision:
            rows += 2 * child.children.count
            stack += child.children
          case .fold:
            folds += 1
          case .chance:
            chances += 1
            let below = child.children[0]
            if case .chance = tree.nodes[below].kind { eligible = false }
            let size = tree.nodes[below].isTerminal ? (rows: 1, terminals: 1) : lastStreetSize(below)
            riverRows += size.rows
            riverTerminals += size.terminals
          case .showdown:
            eligible = false
          }
        }
        guard eligible, chances > 0 else { continue }
        penultimate[index] = true
        terminals = max(terminals, folds, riverTerminals)
        let visit = (2 * chances + riverRows + riverTerminals) * hands + batch
        // At the root (a turn spot) the river cards are split across threads, and each card's
        // values are kept until all are summed in card order.
        let perCard = node.parent == nil ? 48 * chances : 0
        floats = max(floats, (rows + folds + chances + perCard) * hands + visit)
      }
    }
    return (last, penultimate, terminals, floats)
  }

  /// Bytes held: the two tables, the nodes, the hand tables and the scratch.
  public var bytes: Int {
    (game.tableSize + game.sumTableSize) * (compressed ? 2 : 4) + (compressed ? game.exponentCount : 0)
      + game.nodes.count
      * MemoryLayout<SpotNode>.stride + showdowns.bytes
      + (scratchStride * 4 + doubleStride * 8) * (threads + 1)
  }

  /// A pass over the solver's buffers with this iteration's discounts.
  func pass(iteration t: Int) -> SpotPass {
    let previous = Double(t - 1)
    var positive = 1.0
    var negative = 1.0
    var sum = 1.0
    var floors = false
    switch algorithm {
    case .cfr, .predictivePlus:
      break
    case .cfrPlus:
      floors = true
      sum = previous / Double(t)
    case .discounted(let alpha, let beta, let gamma):
      // t^x / (t^x + 1) on the previous count; at the first iteration 0^x is infinite for a
      // negative exponent (the share is then 1; there is nothing to discount yet anyway).
      func share(_ power: Double) -> Double { power.isInfinite ? 1 : power / (power + 1) }
      positive = share(pow(previous, alpha))
      negative = share(pow(previous, beta))
      sum = pow(previous / Double(t), gamma)
    }
    let counts = game.handCounts
    return SpotPass(
      nodes: nodes, regrets: regrets, sums: sums, compressed: compressed, regrets16: regrets16, sums16: sums16,
      regretExponents: regretExponents, sumExponents: sumExponents, handCount0: counts[0], handCount1: counts[1],
      cards0: hands,
      cards1: hands + 2 * counts[0], same0: twins, same1: twins + counts[0], withCardStart0: cardStarts,
      withCardStart1: cardStarts + 53, withCardList0: cardLists, withCardList1: cardLists,
      showdownEntries: showdowns.entries.baseAddress!,
      groupStart: showdowns.groupStart.baseAddress!, showdownGroups: showdowns.groups.baseAddress!,
      pairStart: showdowns.pairStart.baseAddress!, showdownPairs: showdowns.pairs.baseAddress!,
      orderStart: showdowns.orderStart.baseAddress!, sweep: showdowns.sweep.baseAddress!,
      cardStart: showdowns.cardStart.baseAddress!, mirrors: mirrors, lastStreetRoots: lastStreetRoots,
      penultimateRoots: penultimateRoots, derivesLast: derivesLast, batchTerminals: batchTerminals,
      handMaps: handMaps,
      positiveDiscount: Float(positive),
      negativeDiscount: Float(negative), sumDiscount: Float(sum), floorsRegrets: floors, threads: threads, pool: pool,
      workerFloats: scratchFloats + scratchStride, workerDoubles: scratchDoubles + doubleStride,
      workerStride: scratchStride, workerDoubleStride: doubleStride)
  }

  /// One iteration: a CFR walk for OOP, then one for IP against OOP's updated regrets.
  public func iterate() {
    iteration += 1
    let pass = pass(iteration: iteration)
    let counts = game.handCounts
    for player in 0..<2 {
      let n = counts[player]
      let m = counts[1 - player]
      let reach = scratchFloats
      let own = reach + m
      let out = own + n
      let free = out + n
      for hand in 0..<m { reach[hand] = Float(game.weights[1 - player][hand]) }
      own.update(repeating: 1, count: n)
      pass.cfr(0, player, reach, own, out, free, parallel: threads > 1)
    }
  }

  /// Each of `player`'s hands' value (chips, relative to the start of the spot with the starting
  /// pot as dead money, per unit of its own weight) against the opponent's average strategy,
  /// the player playing its average strategy or a best response (`.both`: the average's values,
  /// then the best response's).
  func handValues(_ player: Int, _ play: SpotPass.Play) -> [Double] {
    let pass = pass(iteration: max(iteration, 1))
    let counts = game.handCounts
    let n = counts[player]
    let m = counts[1 - player]
    let reach = scratchDoubles
    let out = reach + m
    let free = out + play.rows * n
    for hand in 0..<m { reach[hand] = game.weights[1 - player][hand] }
    // No decision above the root: its players' first decisions keep all their sums.
    let none = [Double](repeating: 0, count: max(n, m))
    none.withUnsafeBufferPointer { none in
      pass.evaluate(
        0, player, play, reach, out, free, totals: (none.baseAddress!, none.baseAddress!), parallel: threads > 1)
    }
    return Array(UnsafeBufferPointer(start: out, count: play.rows * n))
  }
}

extension SpotSolver {
  /// The stored strategy sums (``SpotGame/sumTableSize`` of them) as floats, decoded from 16 bits
  /// when compressed.
  public func strategySums() -> [Float] {
    guard compressed else { return Array(UnsafeBufferPointer(start: sums, count: game.sumTableSize)) }
    var result = [Float](repeating: 0, count: game.sumTableSize)
    for node in game.nodes where node.kind <= SpotNode.decision1 {
      let n = game.handCounts[Int(node.kind)]
      let rows = Int(node.childCount) - (game.derivesLast[Int(node.betting)] ? 1 : 0)
      let exponent = Int32(sumExponents[Int(node.exponentOffset) + n])
      for index in node.sumOffset..<(node.sumOffset + rows * n) {
        result[index] = Float(sums16[index]) * BlockFloat.power(exponent - 15)
      }
    }
    return result
  }

  /// Sets the iteration count of a solver whose sums were loaded from a file.
  func restore(iteration: Int) { self.iteration = iteration }
}
