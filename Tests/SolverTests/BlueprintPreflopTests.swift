import Cards
import Foundation
import PokerRules
import Solver
import TestSupport
import Testing

/// A hold'em blueprint's preflop decisions per starting-hand class (`skeptic policy show --grid`).
@Suite struct BlueprintPreflopTests {
  /// Limit hold'em on a card abstraction whose preflop is the 169 classes (the postflop buckets
  /// arbitrary), trained briefly.
  static let blueprint: BlueprintPolicy = {
    let sizes = try! AbstractionSizes(parsing: "169-7-11-13")
    let buckets = AbstractionSizes.canonicalHands.enumerated().map { round, count in
      (0..<count).map { UInt16(round == 0 ? $0 : ($0 &* 2_654_435_761 >> 7) % sizes.buckets[round]) }
    }
    let abstraction = try! CardAbstraction(sizes: sizes, header: #"{"sizes":"169-7-11-13"}"#, buckets: buckets)
    let game = BundledGame.limitHoldem.definition
    let trainer = try! BlueprintTrainer(
      tree: BlueprintTree(game: game), buckets: abstraction, settings: BlueprintSettings())
    trainer.run(30_000)
    return trainer.policy(menu: nil)
  }()

  /// Every combination of a class has the class's bucket, so the grid's mix is each combination's
  /// strategy; the frequencies weigh the classes by their combinations (6, 4, 12) at the start and
  /// by the reach of the line after it.
  @Test func classesCarryTheirCombinationsStrategies() throws {
    let blueprint = Self.blueprint
    let start = try blueprint.preflopView(line: [])
    #expect(start.position == 1 && start.actions == [.fold, .call, .raise(to: 20)])
    let indexer = try HandIndexer(rounds: [2])
    var frequencies = [Double](repeating: 0, count: 3)
    var combos = 0
    let deck = (0..<52).map { Card(index: $0) }
    for i in 0..<52 {
      for j in (i + 1)..<52 {
        let combo = HoleCombo(deck[i], deck[j])
        let expected = blueprint.strategy(node: 0, bucket: try indexer.index(of: [deck[i], deck[j]]))
        let shown = try #require(start.classes[HandClass(combo)])
        #expect(shown.mix == expected, "\(combo)")
        for a in 0..<3 { frequencies[a] += expected[a] }
        combos += 1
      }
    }
    #expect(combos == 1_326)
    for a in 0..<3 { #expect(abs(start.frequencies[a] - frequencies[a] / 1_326) < 1e-12) }
    #expect(start.classes.values.allSatisfy { abs($0.mix.reduce(0, +) - 1) < 1e-5 })
    // After the small blind's raise the big blind acts with every class as dealt; after its
    // re-raise the small blind acts, each class weighted by how often it raised it first.
    let raised = try blueprint.preflopView(line: ["r"])
    let aces = HandClass(HoleCombo(Card(rank: 12, suit: 0), Card(rank: 12, suit: 1)))
    #expect(raised.position == 0 && raised.classes[aces]!.weight == 6)
    let reraised = try blueprint.preflopView(line: ["r", "r"])
    let raise = start.actions.firstIndex(of: .raise(to: 20))!
    #expect(reraised.position == 1)
    #expect(abs(reraised.classes[aces]!.weight - 6 * start.classes[aces]!.mix[raise]) < 1e-12)
    let sevenTwo = HandClass(HoleCombo(Card(rank: 5, suit: 0), Card(rank: 0, suit: 1)))
    #expect(abs(reraised.classes[sevenTwo]!.weight - 12 * start.classes[sevenTwo]!.mix[raise]) < 1e-12)
  }

  /// The grid as a picture: a cell per class, a legend entry per action with its frequency.
  @Test func gridPicture() throws {
    let view = try Self.blueprint.preflopView(line: [])
    let svg = HandClassGrid.svg(
      title: "preflop", subtitle: "test", labels: view.actions.map(\.description),
      fills: [HandClassGrid.fill(.fold), HandClassGrid.fill(.passive), HandClassGrid.fill(.aggressive(rank: 0))],
      frequencies: view.frequencies, mixes: view.classes.mapValues(\.mix))
    for label in ["AA", "AKs", "AKo", "72o", "22"] { #expect(svg.contains(">\(label)<"), "\(label)") }
    #expect(svg.components(separatedBy: "text-anchor=\"middle\"").count - 1 == 169)
    #expect(svg.contains(String(format: ">fold %.1f%%<", view.frequencies[0] * 100)))
    #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"))
  }

  @Test func badLinesAndOtherBlueprintsAreRefused() throws {
    #expect {
      _ = try Self.blueprint.preflopView(line: ["r300"])
    } throws: { error in
      "\(error)".contains("expected one of f c r")
    }
    #expect {
      _ = try Self.blueprint.preflopView(line: ["c", "c"])
    } throws: { error in
      "\(error)".contains("does not end at a preflop decision")
    }
    let trainer = try TestBlueprint.leduc()
    trainer.run(100)
    let leduc = trainer.policy(menu: nil)
    #expect {
      _ = try leduc.preflopView(line: [])
    } throws: { error in
      "\(error)".contains("169 preflop classes")
    }
  }
}
