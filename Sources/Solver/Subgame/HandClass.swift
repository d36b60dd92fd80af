import Cards

/// A starting-hand class of the 13×13 grid: a pair (`QQ`), suited (`AKs`) or offsuit (`AKo`).
public struct HandClass: Hashable, Sendable, CustomStringConvertible {
  /// The grid's row and column, 0 for aces down to 12 for deuces. Pairs sit on the diagonal,
  /// suited hands above it (row < column), offsuit hands below.
  public let row: Int
  public let column: Int

  public init(row: Int, column: Int) {
    self.row = row
    self.column = column
  }

  /// The class of a combination.
  public init(_ combo: HoleCombo) {
    let high = max(combo.cards[0].rank, combo.cards[1].rank)
    let low = min(combo.cards[0].rank, combo.cards[1].rank)
    if combo.cards[0].suit == combo.cards[1].suit {
      self.init(row: 12 - high, column: 12 - low)
    } else {
      self.init(row: 12 - low, column: 12 - high)
    }
  }

  public var description: String {
    let first = Card.rankCharacters[12 - min(row, column)]
    let second = Card.rankCharacters[12 - max(row, column)]
    if row == column { return "\(first)\(second)" }
    return "\(first)\(second)\(row < column ? "s" : "o")"
  }
}
