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

  /// ANSI colours for actions: checks and calls green, folds blue, bets and raises from yellow to red.
  static func colour(_ action: BettingAction, index: Int, of actions: [BettingAction]) -> String {
    switch action.kind {
    case .check, .call: return "\u{1B}[32m"
    case .fold: return "\u{1B}[34m"
    case .bet, .raise:
      let aggressive = actions.filter { $0.kind == .bet || $0.kind == .raise }
      let rank = aggressive.firstIndex(of: action) ?? 0
      return ["\u{1B}[33m", "\u{1B}[35m", "\u{1B}[31m", "\u{1B}[91m", "\u{1B}[95m"][min(rank, 4)]
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
    let header = "     " + (0..<13).map { "   \(Card.rankCharacters[12 - $0])" }.joined()
    for (index, action) in actions.enumerated() {
      let colour = colours ? Self.colour(action, index: index, of: actions) : ""
      lines.append("")
      lines.append("\(colour)\(action.description)\(reset): % of each hand class (s above the diagonal, o below)")
      lines.append(header)
      for row in 0..<13 {
        var text = "   \(Card.rankCharacters[12 - row]) "
        for column in 0..<13 {
          guard let entry = mixes[HandClass(row: row, column: column)] else {
            text += "   ·"
            continue
          }
          let percent = Int((entry.mix[index] * 100).rounded())
          let cell = String(format: "%4d", percent)
          text += colours && percent >= 50 ? colour + cell + reset : cell
        }
        lines.append(text)
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
