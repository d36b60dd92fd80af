import ArgumentParser
import Basics
import Foundation
import Solver

extension Skeptic.Solve {
  /// `--show FILE`: one node of a saved solution as text, JSON or an SVG grid.
  func browse(_ path: String) throws {
    let solution: SpotSolution
    let solver: SpotSolver
    let view: SpotNodeView
    do {
      solution = try SpotSolution(contentsOf: path)
      solver = try solution.solver()
      view = try solver.view(line: line ?? "")
    } catch {
      throw CommandError(error)
    }
    if let svg {
      try OutputPath.check(svg, option: "--svg")
      guard view.player != nil else {
        throw CommandError(
          "--svg: nobody acts after '\(line ?? "")' (a \(view.kind) node); pick a line that ends at a decision")
      }
      do {
        try AtomicFile.write(Data(view.svg().utf8), to: svg)
      } catch {
        throw CommandError(error)
      }
    }
    if json {
      let tree = try SpotTreeJSON.build(solver: solver, line: view.line, top: view, depth: depth ?? Int.max)
      print(try JSONOutput.string(tree))
      return
    }
    let header = solution.header
    print(
      String(
        format: "%@ · %d iterations of %@ · exploitability %.3f%% of the pot", path, header.iterations,
        header.algorithm, header.evaluation.exploitabilityPercentOfPot))
    print(view.text(colours: Terminal.standardOutputIsTerminal, combos: combos))
    if let svg { print("grid written to \(svg)") }
  }
}

/// A node of a solution and the strategy below it, as JSON.
final class SpotTreeJSON: Encodable {
  let node: SpotNodeJSON
  /// The nodes one move or card on, keyed by that move or card.
  let children: [String: SpotTreeJSON]?

  init(node: SpotNodeJSON, children: [String: SpotTreeJSON]?) {
    self.node = node
    self.children = children
  }

  /// The tree under `line`, `depth` moves and cards deep (the top node with EVs and equities).
  static func build(solver: SpotSolver, line: [String], top: SpotNodeView?, depth: Int) throws -> SpotTreeJSON {
    let view = try top ?? solver.view(line: line.joined(separator: ","), figures: false)
    guard depth > 0, !view.next.isEmpty else { return SpotTreeJSON(node: SpotNodeJSON(view), children: nil) }
    var children: [String: SpotTreeJSON] = [:]
    for token in view.next {
      children[token] = try build(solver: solver, line: line + [token], top: nil, depth: depth - 1)
    }
    return SpotTreeJSON(node: SpotNodeJSON(view), children: children)
  }
}

/// A node of a solution as JSON.
struct SpotNodeJSON: Encodable {
  struct Combo: Encodable {
    var hand: String
    var weight: Double
    var strategy: [Double]
    var ev: Double?
    var equity: Double?
  }
  var line: [String]
  var board: [String]
  var pot: Int
  var committed: [Int]
  var player: String?
  var kind: String
  var actions: [String]
  var frequencies: [Double]
  var combos: [Combo]
  var next: [String]

  init(_ view: SpotNodeView) {
    line = view.line
    board = view.board.map(\.description)
    pot = view.pot
    committed = view.committed
    player = view.player.map { Spot.playerNames[$0] }
    kind = view.kind
    actions = view.actions.map(\.token)
    frequencies = view.frequencies
    combos = view.hands.indices.filter { view.reach[$0] > 0 }.map { hand in
      Combo(
        hand: view.hands[hand].description, weight: view.reach[hand], strategy: view.strategy.map { $0[hand] },
        ev: view.ev.isEmpty ? nil : view.ev[hand], equity: view.equity.isEmpty ? nil : view.equity[hand])
    }
    next = view.next
  }
}
