import Cards
import Foundation

/// The 13×13 grid of starting-hand classes as text: one cell per class (pairs on the diagonal,
/// suited above, offsuit below), for a spot's node or a blueprint's preflop decision.
public enum HandClassGrid {
  /// What an action does, for its colour.
  public enum Move: Sendable {
    case fold
    /// A check or a call.
    case passive
    /// A bet or raise, the `rank`-th smallest of the node's.
    case aggressive(rank: Int)
  }

  /// ANSI colours: checks and calls green, folds blue, bets and raises from yellow to red.
  public static func colour(_ move: Move) -> String {
    switch move {
    case .passive: return "\u{1B}[32m"
    case .fold: return "\u{1B}[34m"
    case .aggressive(let rank):
      return ["\u{1B}[33m", "\u{1B}[35m", "\u{1B}[31m", "\u{1B}[91m", "\u{1B}[95m"][min(max(rank, 0), 4)]
    }
  }

  /// The grid's lines for one action: a title line, the ranks across, then a row per rank with
  /// each class's `percent` (`·` where it has none); cells at 50 % or more in `colour` when
  /// `reset` is not empty.
  public static func lines(title: String, colour: String, reset: String, percent: (HandClass) -> Double?) -> [String] {
    var lines = [
      "\(colour)\(title)\(reset): % of each hand class (s above the diagonal, o below)",
      "     " + (0..<13).map { "   \(Card.rankCharacters[12 - $0])" }.joined(),
    ]
    for row in 0..<13 {
      var text = "   \(Card.rankCharacters[12 - row]) "
      for column in 0..<13 {
        guard let value = percent(HandClass(row: row, column: column)) else {
          text += "   ·"
          continue
        }
        let rounded = Int(value.rounded())
        let cell = String(format: "%4d", rounded)
        text += !reset.isEmpty && rounded >= 50 ? colour + cell + reset : cell
      }
      lines.append(text)
    }
    return lines
  }
}
