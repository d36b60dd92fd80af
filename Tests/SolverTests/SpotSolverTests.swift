import Cards
import Foundation
import Solver
import TestSupport
import Testing

@Suite struct SpotSolverTests {
  static func spotFile(_ name: String) throws -> Spot {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "../../Examples/spots/\(name).spot")
    return try Spot(parsing: String(contentsOf: url, encoding: .utf8), path: name)
  }

  static func solve(_ spot: Spot, accuracy: Double, iterations: Int = 2_000, threads: Int = 1) throws -> (
    SpotSolver, SpotSolver.RunResult
  ) {
    let solver = try SpotSolver(game: SpotGame(spot: spot), threads: threads)
    let result = solver.run(SpotSolver.Limits(accuracy: accuracy, iterations: iterations))
    return (solver, result)
  }

  /// OOP holds the nuts (KK, a set on a king-high board) or air (76s at half weight); IP only
  /// bluff-catchers (QQ, AA); one pot-sized bet, no raises. No card is shared between the ranges,
  /// so with 3 nut combos and 2 air combos' weight, OOP bluffs 3 · ½ = 1.5 of its air weight
  /// (0.75 of it) and IP calls half the time.
  @Test func polarisedRiverMatchesTheClosedForm() throws {
    let spot = try Spot(
      parsing: """
        board: Kh 8d 5c 2s 3h
        pot: 100
        stack: 100
        oop range: KK, 76s:0.5
        ip range: QQ, AA
        oop bets: 100%
        """)
    let (solver, result) = try Self.solve(spot, accuracy: 0.001, iterations: 20_000)
    #expect(result.reachedAccuracy)
    let root = try solver.view(line: "")
    let bet = try #require(root.actions.firstIndex { $0.kind == .bet })
    let nuts = root.hands.indices.filter { root.hands[$0].cards[0].rank == 11 }
    let air = root.hands.indices.filter { root.hands[$0].cards[0].rank != 11 }
    #expect(nuts.count == 3 && air.count == 4)
    // The nuts bet every time; air bluffs 1.5 / 2 of its weight.
    for hand in nuts { #expect(abs(root.strategy[bet][hand] - 1) < 0.01) }
    let bluffs = air.reduce(0) { $0 + root.hands[$1].weight * root.strategy[bet][$1] }
    let nutWeight = 3.0
    let pot = 100.0
    let size = 100.0
    let expectedBluffs = nutWeight * size / (pot + size)
    #expect(abs(bluffs - expectedBluffs) < 0.02, "bluffed weight \(bluffs), closed form \(expectedBluffs)")
    // Facing the bet, IP calls pot / (pot + bet) = 1/2 with every bluff-catcher.
    let facing = try solver.view(line: "b100")
    let call = try #require(facing.actions.firstIndex { $0.kind == .call })
    let callShare = facing.hands.indices.reduce(0) { $0 + facing.strategy[call][$1] } / Double(facing.hands.count)
    #expect(abs(callShare - pot / (pot + size)) < 0.01, "calls \(callShare)")
    #expect(result.evaluation.exploitabilityPercentOfPot <= 0.001)
  }

  /// The fast evaluator (sorted showdowns, card-removal sums, Double walks) agrees with the
  /// pair-by-pair reference on a SPOTS.md river, part-solved so strategies are mixed.
  @Test func riverExploitabilityAgreesWithTheReference() throws {
    let (solver, result) = try Self.solve(Self.spotFile("river-spr1"), accuracy: 0.0001, iterations: 15)
    var reference = SpotReference(solver)
    let slow = reference.exploitability()
    let fast = result.evaluation
    #expect(abs(slow.chips - fast.exploitability) < 1e-9, "\(slow.chips) vs \(fast.exploitability)")
    for player in 0..<2 {
      #expect(abs(slow.bestResponse[player] - fast.bestResponse[player]) < 1e-9)
      #expect(abs(slow.ev[player] - fast.ev[player]) < 1e-9)
    }
  }

  /// The same with a card to come: chance weights and cards dealt into hands.
  @Test func turnExploitabilityAgreesWithTheReference() throws {
    let spot = try Spot(
      parsing: """
        board: Qs Jh 2h 8d
        pot: 60
        stack: 90
        oop range: QQ, JJ, AQs, KTs, 99, A5s, 9h8h
        ip range: AA, KK, AJs, T9s, 7c7d, Ah3h, QJs
        bets: 50%, allin
        raises: allin
        raise cap: 2
        """)
    let (solver, result) = try Self.solve(spot, accuracy: 0.0001, iterations: 12)
    var reference = SpotReference(solver)
    let slow = reference.exploitability()
    #expect(abs(slow.chips - result.evaluation.exploitability) < 1e-9)
    for player in 0..<2 { #expect(abs(slow.ev[player] - result.evaluation.ev[player]) < 1e-9) }
  }

  /// Clubs and diamonds are interchangeable on Qs Jh 2h 8s with these ranges: only one card of
  /// each pair is solved. The reference deals every card (reading mirrored ones through the
  /// permutation) and agrees to within float rounding, not to 1e-9: copying a card's values to its
  /// mirror assumes the reach before it is exactly symmetric, and it is symmetric only up to f32
  /// rounding. A board that keeps a symmetry (the river 5s here) should value A♣K♦ and A♦K♣ alike,
  /// but no summation order treats both alike (the hands holding A♣ are summed in one order and
  /// those holding A♦ in the mirrored order, which a tie between A♣K♣ and A♣K♦ cannot follow), so
  /// their values differ in the last bits; after twelve iterations that leaves about 1e-5 chips
  /// on a 60-chip pot (an f32 value of 60 has a 4e-6 step). A wrong mirror costs whole chips.
  /// Solving every card separately gives the same first iteration and the same solution.
  @Test func isomorphicCardsAgreeWithTheReference() throws {
    let spot = try Self.batchSpot("symmetric-turn")
    let symmetric = try SpotSolver(game: SpotGame(spot: spot))
    let plain = try SpotSolver(game: SpotGame(spot: spot, isomorphism: false))
    #expect(symmetric.game.nodeCount < plain.game.nodeCount * 3 / 4)
    symmetric.iterate()
    plain.iterate()
    #expect(abs(plain.evaluation().exploitability - symmetric.evaluation().exploitability) < 1e-9)
    for _ in 0..<11 {
      symmetric.iterate()
      plain.iterate()
    }
    let fast = symmetric.evaluation()
    var reference = SpotReference(symmetric)
    let slow = reference.exploitability()
    #expect(abs(slow.chips - fast.exploitability) < 2e-4, "\(slow.chips) vs \(fast.exploitability)")
    for player in 0..<2 { #expect(abs(slow.ev[player] - fast.ev[player]) < 2e-4) }
    // Solved to 0.05 % of the pot, both give the same EVs to within that.
    let limits = SpotSolver.Limits(accuracy: 0.05, iterations: 3_000)
    let solvedSymmetric = symmetric.run(limits).evaluation
    let solvedPlain = plain.run(limits).evaluation
    for player in 0..<2 { #expect(abs(solvedSymmetric.ev[player] - solvedPlain.ev[player]) < 0.06 * 0.01 * 60 * 2) }
    // A mirrored card's view is the solved card's with suits swapped.
    let clubs = try symmetric.view(line: "x,x,7c")
    let diamonds = try symmetric.view(line: "x,x,7d")
    let swapped = clubs.hands.map { combo in
      HoleCombo(
        Card(rank: combo.cards[0].rank, suit: [1, 0, 2, 3][combo.cards[0].suit]),
        Card(rank: combo.cards[1].rank, suit: [1, 0, 2, 3][combo.cards[1].suit]))
    }
    for (hand, combo) in swapped.enumerated() {
      let other = try #require(diamonds.hands.firstIndex { HoleCombo($0.cards[0], $0.cards[1]) == combo })
      #expect(clubs.strategy[0][hand] == diamonds.strategy[0][other])
    }
  }

  /// EVs add up to the pot; best responses gain; strategies are distributions at every node.
  @Test func zeroSumAndConsistent() throws {
    let (solver, result) = try Self.solve(Self.spotFile("river-spr5"), accuracy: 0.1)
    let e = result.evaluation
    #expect(abs(e.ev[0] + e.ev[1] - 100) < 1e-6)
    #expect(e.bestResponse[0] >= e.ev[0] - 1e-9 && e.bestResponse[1] >= e.ev[1] - 1e-9)
    #expect(e.exploitabilityPercentOfPot <= 0.1 && e.exploitabilityPercentOfPot >= 0)
    var lines: [String] = [""]
    var checked = 0
    while let line = lines.popLast() {
      let view = try solver.view(line: line)
      guard view.player != nil else { continue }
      for hand in view.hands.indices {
        let total = view.strategy.reduce(0) { $0 + $1[hand] }
        #expect(abs(total - 1) < 1e-9)
      }
      checked += 1
      lines += view.next.map { line.isEmpty ? $0 : line + "," + $0 }
    }
    #expect(checked == solver.game.tree.decisionCounts()[.river])
  }

  /// SPOTS.md's river and turn spots reach 0.5 % and 0.1 % (the flop is timed by `skeptic bench
  /// spot`); the counts are in the README.
  @Test(arguments: [("river-spr1", 0.1), ("river-spr5", 0.1), ("turn-spr1", 0.1), ("turn-spr5", 0.5)])
  func referenceSpotsReachTheirTargets(name: String, accuracy: Double) throws {
    let (_, result) = try Self.solve(Self.spotFile(name), accuracy: accuracy, iterations: 1_000)
    #expect(
      result.reachedAccuracy, "\(name): \(result.evaluation.exploitabilityPercentOfPot)% after \(result.iterations)")
    #expect(result.iterations < 400)
  }

  /// 16-bit tables (one exponent per hand) reach the same targets with half the table memory, and
  /// keep the same bits for any thread count.
  @Test func compressedTablesConverge() throws {
    for (name, accuracy) in [("river-spr5", 0.1), ("turn-spr1", 0.1)] {
      let spot = try Self.spotFile(name)
      let plain = try SpotSolver(game: SpotGame(spot: spot))
      let solver = try SpotSolver(game: SpotGame(spot: spot), compressed: true)
      let result = solver.run(SpotSolver.Limits(accuracy: accuracy, iterations: 1_000))
      #expect(result.reachedAccuracy, "\(name): \(result.evaluation.exploitabilityPercentOfPot)%")
      #expect(result.iterations < 400)
      // Two bytes saved per entry of both tables, less one exponent byte per hand per node.
      #expect(solver.bytes - plain.bytes < -(solver.game.tableSize + solver.game.sumTableSize) * 3 / 2)
    }
    let spot = try Self.spotFile("turn-spr1")
    var tables: [[Float]] = []
    for threads in [1, 2] {
      let solver = try SpotSolver(game: SpotGame(spot: spot), threads: threads, compressed: true)
      let result = solver.run(SpotSolver.Limits(accuracy: 1e-9, iterations: 8))
      tables.append(SpotSolution(solver: solver, result: result).sums)
    }
    #expect(tables[0] == tables[1])
  }

  /// 16-bit tables converge nearly as fast as 32-bit ones on turn SPR 5 (281 against 250
  /// iterations to 0.1 %). A positive regret far below its hand's largest magnitude once rounded
  /// to 0, leaving hands with no positive regret to play uniformly: the exploitability jumped
  /// from 0.17 % to 0.32 % at iteration 220 and took 405 iterations.
  @Test func compressedTablesKeepSmallPositiveRegrets() throws {
    let spot = try Self.spotFile("turn-spr5")
    let limits = SpotSolver.Limits(accuracy: 0.1, iterations: 600)
    let plain = try SpotSolver(game: SpotGame(spot: spot)).run(limits)
    let compressed = try SpotSolver(game: SpotGame(spot: spot), compressed: true).run(limits)
    #expect(plain.reachedAccuracy && compressed.reachedAccuracy)
    #expect(
      Double(compressed.iterations) <= 1.3 * Double(plain.iterations), "\(compressed.iterations) vs \(plain.iterations)"
    )
  }

  /// DCFR with a negative β (negative regrets discounted harder, towards CFR+'s floor) converges:
  /// its first discount, 0^β, is infinite and once turned every regret into NaN.
  @Test func negativeBetaConverges() throws {
    let spot = try Self.spotFile("river-spr1")
    for beta in [-1.0, -4.0] {
      let solver = try SpotSolver(game: SpotGame(spot: spot), algorithm: .discounted(alpha: 1.5, beta: beta, gamma: 3))
      let result = solver.run(SpotSolver.Limits(accuracy: 0.1, iterations: 1_000))
      #expect(result.reachedAccuracy, "β \(beta): \(result.evaluation.exploitabilityPercentOfPot)%")
      #expect(result.iterations < 200)
    }
  }

  /// Chance nodes split across threads sum in card order: the same bits for any thread count.
  @Test func threadsGiveTheSameBits() throws {
    let spot = try Self.spotFile("turn-spr1")
    var tables: [[Float]] = []
    for threads in [1, 2, 3, 4] {
      let solver = try SpotSolver(game: SpotGame(spot: spot), threads: threads)
      for _ in 0..<5 { solver.iterate() }
      let result = solver.run(SpotSolver.Limits(accuracy: 1e-9, iterations: 5))
      tables.append(SpotSolution(solver: solver, result: result).sums)
      #expect(result.evaluation.exploitability > 0)
    }
    for threads in 1..<4 {
      // Counted, not compared whole: a failing `==` on this many floats prints both.
      let differing = zip(tables[0], tables[threads]).filter { $0.0.bitPattern != $0.1.bitPattern }.count
      #expect(differing == 0, "\(threads + 1) threads: \(differing) strategy sums differ")
    }
  }

  /// Spots for the batched walks: two from SPOTS.md, a turn whose river keeps a suit symmetry
  /// (mirrored river cards), and a small flop (turn subtrees below a chance node, both cards
  /// mirrored).
  static func batchSpot(_ name: String) throws -> Spot {
    switch name {
    case "symmetric-turn", "small-flop":
      return try Spot(
        parsing: """
          board: \(name == "small-flop" ? "Qs Jh 2h" : "Qs Jh 2h 8s")
          pot: 60
          stack: 90
          oop range: QQ, JJ, AQs, KTs, 99, A5s:0.5, 76
          ip range: AA, KK, AJs, T9s, 77, QJs, K8o:0.25
          bets: 50%, allin
          raises: allin
          raise cap: 2
          """)
    default:
      return try spotFile(name)
    }
  }

  /// The batched walks (a last-street subtree's showdowns and folds valued eight lanes at a
  /// time; the river subtrees below a turn subtree walked together card by card) give the plain
  /// walk's bits: on a river with 15 showdowns and 14 folds (two batches each, the second
  /// part-filled), on turns and a flop, in 32-bit and 16-bit tables, strategies mixed after 12
  /// iterations, and on two threads.
  @Test(arguments: ["river-spr5", "turn-spr1", "symmetric-turn", "small-flop"], [false, true])
  func batchedTerminalsGiveThePlainWalksBits(name: String, compressed: Bool) throws {
    let spot = try Self.batchSpot(name)
    var tables: [[Float]] = []
    for (batched, threads) in [(true, 1), (false, 1), (true, 2)] {
      let solver = try SpotSolver(
        game: SpotGame(spot: spot), threads: threads, compressed: compressed, batchesTerminals: batched)
      for _ in 0..<12 { solver.iterate() }
      tables.append(solver.strategySums())
    }
    #expect(tables[0].contains { $0 != 0 })
    for other in 1..<3 {
      // Counted, not compared whole: a failing `==` on a million floats prints both.
      let differing = zip(tables[0], tables[other]).filter { $0.0.bitPattern != $0.1.bitPattern }.count
      #expect(differing == 0, "run \(other): \(differing) of \(tables[0].count) strategy sums differ")
    }
  }

  /// The memory estimate checked before the layout covers what the solver then holds, and not by
  /// much, for 32 and 16 bits and one and two threads.
  @Test func memoryEstimateCoversTheSolver() throws {
    for name in ["river-spr5", "turn-spr1", "small-flop"] {
      let spot = try Self.batchSpot(name)
      for (compressed, threads) in [(false, 1), (true, 1), (false, 2)] {
        let game = try SpotGame(spot: spot, compressedTables: compressed, threads: threads)
        let solver = try SpotSolver(game: game, threads: threads, compressed: compressed)
        let estimate = game.estimatedBytes - (28 << 20)
        #expect(estimate >= solver.bytes, "\(name) \(compressed) \(threads): \(estimate) < \(solver.bytes)")
        // Within a quarter and 4 MB (small spots: the showdown tables' share is a guess per board).
        #expect(
          estimate <= solver.bytes * 5 / 4 + (4 << 20),
          "\(name) \(compressed) \(threads): \(estimate) vs \(solver.bytes)")
      }
    }
  }

  /// Strategy sums kept one row fewer where the player decided before (the last action's derived
  /// from the previous decision's) give the average strategy of tables that keep every row: the
  /// rows both keep have the same bits, and the evaluations (every node's average strategy weighs
  /// in) agree to float rounding, in 32-bit and 16-bit tables.
  @Test(arguments: ["turn-spr1", "small-flop"], [false, true])
  func derivedSumsAgreeWithKeptOnes(name: String, compressed: Bool) throws {
    let spot = try Self.batchSpot(name)
    let derived = try SpotSolver(game: SpotGame(spot: spot), compressed: compressed)
    let kept = try SpotSolver(game: SpotGame(spot: spot, derivesSums: false), compressed: compressed)
    #expect(derived.game.sumTableSize < kept.game.sumTableSize * 3 / 4)
    #expect(kept.game.sumTableSize == kept.game.tableSize)
    for _ in 0..<30 {
      derived.iterate()
      kept.iterate()
    }
    // Every decision node on lines that deal the first card offered, breadth first.
    var lines: [[String]] = [[]]
    var visited = 0
    var largest = 0.0
    var derivedNodes = 0
    while !lines.isEmpty, visited < 400 {
      let line = lines.removeFirst()
      let text = line.joined(separator: ",")
      let a = try derived.view(line: text, figures: false)
      let b = try kept.view(line: text, figures: false)
      visited += 1
      if a.kind == "decision" {
        // Hands that arrive (the others' strategies are never played): uniform where every sum
        // is kept and zero, the last action where it is derived.
        let top = a.reach.max() ?? 0
        for (rowA, rowB) in zip(a.strategy, b.strategy) {
          for hand in rowA.indices where a.reach[hand] > 1e-3 * top {
            // 16-bit sums are steps of the node's largest: a hand's precision follows its reach.
            let weight = compressed ? a.reach[hand] / top : 1
            largest = max(largest, abs(rowA[hand] - rowB[hand]) * weight)
          }
        }
        if line.count > 1 { derivedNodes += 1 }
        lines += a.next.map { line + [$0] }
      } else if a.kind == "chance", let card = a.next.first {
        lines.append(line + [card])
      }
    }
    #expect(derivedNodes > 10)
    // Measured: 5e-7 (32-bit), 2e-4 weighted by reach (16-bit).
    #expect(largest < (compressed ? 1e-3 : 1e-5), "largest difference in an average strategy: \(largest)")
    let a = derived.evaluation()
    let b = kept.evaluation()
    // Measured: 1e-7 and 2e-4 % of the pot.
    #expect(abs(a.exploitabilityPercentOfPot - b.exploitabilityPercentOfPot) < (compressed ? 2e-3 : 1e-5))
  }

  /// A solution saved and loaded gives the same evaluation and node views; a damaged file is refused.
  @Test func solutionsRoundTrip() throws {
    let (solver, result) = try Self.solve(Self.spotFile("river-spr1"), accuracy: 0.5)
    let directory = try Scratch.directory("spot")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("river.solution").path
    try SpotSolution(solver: solver, result: result).write(to: path)
    let loaded = try SpotSolution(contentsOf: path).solver()
    #expect(loaded.evaluation() == solver.evaluation())
    #expect(loaded.algorithm == SpotSolver.dcfr)
    for algorithm in [Algorithm.cfrPlus, .linear, .discounted(alpha: 2, beta: 0.5, gamma: 2.5), SpotSolver.dcfr] {
      let name = algorithm == SpotSolver.dcfr ? "dcfr" : algorithm.description
      #expect(SpotSolution.algorithm(named: name) == algorithm)
    }
    #expect(try loaded.view(line: "x").strategy == solver.view(line: "x").strategy)
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    bytes[bytes.count / 2] ^= 0xFF
    try bytes.write(to: URL(fileURLWithPath: path))
    #expect(throws: SolverError.self) { try SpotSolution(contentsOf: path) }
  }
}
