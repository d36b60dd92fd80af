import Cards
import Foundation

extension SpotNodeView {
  /// Each hand class's action mix at the node, weighted by reach: `[class: (weight, mix)]`.
  public func classMix() -> [HandClass: (weight: Double, mix: [Double])] {
    var result: [HandClass: (weight: Double, mix: [Double])] = [:]
    for (hand, combo) in hands.enumerated() where reach[hand] > 0 {
      let key = HandClass(combo)
      var entry = result[key] ?? (0, [Double](repeating: 0, count: actions.count))
      entry.weight += reach[hand]
      for action in actions.indices { entry.mix[action] += reach[hand] * strategy[action][hand] }
      result[key] = entry
    }
    for (key, entry) in result {
      result[key] = (entry.weight, entry.mix.map { $0 / entry.weight })
    }
    return result
  }

  /// ANSI colours for actions (``HandClassGrid/colour(_:)``).
  static func colour(_ action: BettingAction, index: Int, of actions: [BettingAction]) -> String {
    switch action.kind {
    case .check, .call: return HandClassGrid.colour(.passive)
    case .fold: return HandClassGrid.colour(.fold)
    case .bet, .raise:
      let aggressive = actions.filter { $0.kind == .bet || $0.kind == .raise }
      return HandClassGrid.colour(.aggressive(rank: aggressive.firstIndex(of: action) ?? 0))
    }
  }

  /// The node as text: who acts, each action's frequency over the range, and one 13×13 grid per
  /// action with each class's percentage; with `combos`, a line per combination.
  public func text(colours: Bool, combos: Bool = false) -> String {
    let reset = colours ? "\u{1B}[0m" : ""
    let bold = colours ? "\u{1B}[1m" : ""
    var lines: [String] = []
    let lineText = line.isEmpty ? "(start)" : line.joined(separator: ",")
    let boardText = board.map(\.description).joined(separator: " ")
    guard let player else {
      lines.append("\(bold)\(kind)\(reset) after \(lineText) · board \(boardText) · pot \(pot)")
      if !next.isEmpty { lines.append("continue the line with one of: " + next.joined(separator: " ")) }
      return lines.joined(separator: "\n")
    }
    lines.append(
      "\(bold)\(Spot.playerNames[player]) to act\(reset) · line \(lineText) · board \(boardText) · pot \(pot) · in since the start: OOP \(committed[0]), IP \(committed[1])"
    )
    let width = actions.map(\.description.count).max() ?? 0
    for (index, action) in actions.enumerated() {
      let colour = colours ? Self.colour(action, index: index, of: actions) : ""
      let name = action.description.padding(toLength: width, withPad: " ", startingAt: 0)
      lines.append(
        "  \(colour)\(name)\(reset) \(String(format: "%5.1f%%", frequencies[index] * 100))  (\(action.token))")
    }
    let mixes = classMix()
    for (index, action) in actions.enumerated() {
      let colour = colours ? Self.colour(action, index: index, of: actions) : ""
      lines.append("")
      lines += HandClassGrid.lines(title: action.description, colour: colour, reset: reset) { key in
        mixes[key].map { $0.mix[index] * 100 }
      }
    }
    if combos {
      lines.append("")
      let names = actions.map(\.token)
      lines.append(
        "combo  weight  " + names.map { $0.padding(toLength: 7, withPad: " ", startingAt: 0) }.joined()
          + "     EV  equity")
      let order = hands.indices.filter { reach[$0] > 0 }.sorted { equity[$0] > equity[$1] }
      for hand in order {
        var text = hands[hand].description.padding(toLength: 6, withPad: " ", startingAt: 0)
        text += String(format: " %6.3f  ", reach[hand])
        for action in actions.indices { text += String(format: "%5.1f%% ", strategy[action][hand] * 100) }
        text += String(format: "%7.2f  %5.1f%%", ev[hand], equity[hand] * 100)
        lines.append(text)
      }
    }
    if !next.isEmpty { lines.append("\ncontinue the line with one of: " + next.joined(separator: " ")) }
    return lines.joined(separator: "\n")
  }
}
