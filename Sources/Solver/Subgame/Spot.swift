import Cards

/// A heads-up no-limit postflop spot: a fixed board, each player's weighted range, and the
/// betting rules (pot, effective stack, bet menus).
///
/// Read one from a spot file with ``init(parsing:path:)`` (see `docs/SPOTS.md`), or build it in code.
public struct Spot: Hashable, Sendable {
  /// The board: 3 (flop), 4 (turn) or 5 (river) cards.
  public let board: [Card]
  /// `ranges[0]` out of position, `ranges[1]` in position.
  public let ranges: [HandRange]
  /// Pot, stacks and bet menus.
  public let rules: BettingRules

  /// The spot's street, from the board's size.
  public var street: Street { rules.street }

  /// Checks the board and ranges against each other and the rules.
  ///
  /// - Throws: ``SpotError`` naming the field: a repeated or missing board card, a range the board
  ///   empties, an out-of-range amount.
  public init(board: [Card], ranges: [HandRange], rules: BettingRules) throws(SpotError) {
    guard let street = Street(boardCount: board.count) else {
      throw SpotError(
        .badBoard, field: "board", "\(board.count) cards; a spot's board has 3 (flop), 4 (turn) or 5 (river) cards")
    }
    guard CardSet(board).count == board.count else {
      let repeated = board.first { card in board.filter { $0 == card }.count > 1 }!
      throw SpotError(.badBoard, field: "board", "\(repeated) appears twice; every board card is different")
    }
    guard rules.street == street else {
      throw SpotError(
        .badBoard, field: "board",
        "\(board.count) cards make a \(street) spot, but the rules start on the \(rules.street)")
    }
    guard ranges.count == 2 else {
      throw SpotError(.badRange, field: "ranges", "a spot has two ranges, out of position and in position")
    }
    try rules.validate()
    let boardSet = CardSet(board)
    for (player, range) in ranges.enumerated() {
      if !range.combos.contains(where: { $0.cardSet.intersection(boardSet).isEmpty }) {
        throw SpotError(
          .badRange, field: "\(Spot.playerNames[player].lowercased()) range",
          "'\(range.text)': every combination shares a card with the board \(board.map(\.description).joined()); nothing is left to play"
        )
      }
    }
    self.board = board
    self.ranges = ranges
    self.rules = rules
  }

  /// The players' short names, `OOP` and `IP`.
  public static let playerNames = ["OOP", "IP"]
}
