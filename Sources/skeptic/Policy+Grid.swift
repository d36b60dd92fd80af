import ArgumentParser
import Basics
import Foundation
import PokerRules
import Solver

extension Skeptic.PolicyCommand.Show {
  /// `skeptic policy show B.blueprint --grid [--line L]`: the preflop decision the line reaches,
  /// as text grids (colours on a terminal) or JSON.
  func showGrid() throws {
    let blueprint: BlueprintPolicy
    do { blueprint = try BlueprintPolicy(contentsOf: file) } catch { throw CommandError(error.message) }
    let moves = (line ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    let view: BlueprintPreflopView
    do { view = try blueprint.preflopView(line: moves) } catch { throw CommandError(error.message) }
    let noLimit = blueprint.tree.game.betting == .noLimit
    let raises = view.actions.filter { if case .raise = $0 { true } else { false } }
    func move(_ action: Action) -> HandClassGrid.Move {
      switch action {
      case .fold: .fold
      case .call: .passive
      case .raise: .aggressive(rank: raises.firstIndex(of: action) ?? 0)
      }
    }
    let lineText = view.line.isEmpty ? "(start)" : view.line.joined(separator: ",")
    if let svg {
      try OutputPath.check(svg, option: "--svg")
      let picture = HandClassGrid.svg(
        title: "preflop · \(lineText) · position \(view.position) to act (posted \(view.blind))",
        subtitle: "each cell: the class's action mix; \(blueprint.iterations) deals of \(file)",
        labels: view.actions.map(\.description), fills: view.actions.map { HandClassGrid.fill(move($0)) },
        frequencies: view.frequencies,
        mixes: view.classes.filter { $0.value.weight > 0 }.mapValues(\.mix))
      do { try AtomicFile.write(Data(picture.utf8), to: svg) } catch { throw CommandError(error) }
    }
    if json {
      struct Output: Encodable {
        var line: [String]
        var position: Int
        var blind: Int
        var actions: [String]
        var frequencies: [Double]
        var classes: [String: [Double]]
        var weights: [String: Double]
        var next: [String]
      }
      print(
        try JSONOutput.string(
          Output(
            line: view.line, position: view.position, blind: view.blind,
            actions: view.actions.map { $0.acpc(withSize: noLimit) }, frequencies: view.frequencies,
            classes: Dictionary(uniqueKeysWithValues: view.classes.map { ($0.key.description, $0.value.mix) }),
            weights: Dictionary(uniqueKeysWithValues: view.classes.map { ($0.key.description, $0.value.weight) }),
            next: view.next)))
      return
    }
    let colours = Terminal.standardOutputIsTerminal
    let reset = colours ? "\u{1B}[0m" : ""
    func colour(_ action: Action) -> String { colours ? HandClassGrid.colour(move(action)) : "" }
    print(
      "\(file) · preflop · line \(lineText) · position \(view.position) to act (posted \(view.blind)) · \(blueprint.iterations) deals"
    )
    let width = view.actions.map(\.description.count).max() ?? 0
    for (index, action) in view.actions.enumerated() {
      let name = action.description.padding(toLength: width, withPad: " ", startingAt: 0)
      print(
        "  \(colour(action))\(name)\(reset) \(String(format: "%5.1f%%", view.frequencies[index] * 100))  (\(action.acpc(withSize: noLimit)))"
      )
    }
    print("  (each class weighted by its combinations and how often the player gets here with it)")
    for (index, action) in view.actions.enumerated() {
      print("")
      let lines = HandClassGrid.lines(title: action.description, colour: colour(action), reset: reset) { key in
        guard let entry = view.classes[key], entry.weight > 0 else { return nil }
        return entry.mix[index] * 100
      }
      print(lines.joined(separator: "\n"))
    }
    print("\ncontinue the line with one of: " + view.next.joined(separator: " "))
  }
}
