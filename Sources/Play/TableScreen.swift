import Cards

/// Draws a ``TableSnapshot`` as lines of text that fit a window: the opponent, the board and
/// pot, your cards, the betting in words, your choices, and the running totals. Pure: the same
/// snapshot and size give the same lines, which is what the tests compare.
public struct TableScreen: Sendable {
  /// Colour red suits and highlights (ANSI), only on a terminal that supports it.
  public var color: Bool
  /// Suit symbols (♠ ♥ ♦ ♣) where the terminal speaks UTF-8; letters otherwise.
  public var unicode: Bool

  public init(color: Bool, unicode: Bool) {
    self.color = color
    self.unicode = unicode
  }

  /// A piece of a line, with an optional ANSI style.
  struct Segment {
    var text: String
    var style: String?
  }

  /// The screen, at most `height` lines of at most `width` characters (plus ANSI styles).
  public func render(_ table: TableSnapshot, width: Int, height: Int) -> [String] {
    let width = max(width, 20)
    let rule = [Segment(text: String(repeating: "─", count: width), style: nil)]
    var top: [[Segment]] = [
      [Segment(text: " " + table.title, style: "1")],
      rule,
      seat(table.opponentName, cards: table.opponentCards, hidden: table.opponentCardCount, stack: table.opponentStack),
      [Segment(text: "", style: nil)],
      [Segment(text: "  board  ", style: nil)] + cards(table.board, empty: "—")
        + [Segment(text: "    pot \(table.pot)", style: "1")],
      [Segment(text: "", style: nil)],
      seat(table.yourName, cards: table.yourCards, hidden: 0, stack: table.yourStack),
      rule,
    ]
    var betting = table.betting.map { [Segment(text: "  " + $0, style: nil)] }
    if betting.isEmpty { betting = [[Segment(text: "  no betting yet", style: "2")]] }
    var bottom: [[Segment]] = [rule]
    bottom.append([Segment(text: " " + table.status, style: "1")])
    bottom += prompt(table).map { [Segment(text: "  " + $0, style: nil)] }
    if let message = table.message { bottom.append([Segment(text: "  " + message, style: "33")]) }
    if table.showHelp { bottom += help(table).map { [Segment(text: "  " + $0, style: "2")] } }
    bottom.append(rule)
    bottom += table.totals.map { [Segment(text: " " + $0, style: nil)] }
    // Fit the height: the betting keeps its latest rounds; then the top loses its spacing.
    var spare = height - top.count - bottom.count
    if spare < betting.count {
      top.removeAll { $0.count == 1 && $0[0].text.isEmpty }
      spare = height - top.count - bottom.count
      betting = Array(betting.suffix(max(spare, 0)))
    }
    let lines = (top + betting + bottom).prefix(max(height, 1))
    return lines.map { draw($0, width: width) }
  }

  func seat(_ name: String, cards shown: [Card]?, hidden: Int, stack: Int?) -> [Segment] {
    let label = "  " + name.padding(toLength: 10, withPad: " ", startingAt: 0) + " "
    let drawn =
      shown.map { cards($0, empty: "—") }
      ?? Array(repeating: Segment(text: unicode ? "[░░]" : "[??]", style: "2"), count: hidden)
    return [Segment(text: label, style: "1")] + drawn
      + (stack.map { [Segment(text: "    stack \($0)", style: nil)] } ?? [])
  }

  func cards(_ list: [Card], empty: String) -> [Segment] {
    if list.isEmpty { return [Segment(text: empty, style: "2")] }
    var segments: [Segment] = []
    for (index, card) in list.enumerated() {
      if index > 0 { segments.append(Segment(text: " ", style: nil)) }
      segments.append(self.card(card))
    }
    return segments
  }

  /// One card, `[K♥]` (red suits in red when colour is on) or `[Kh]`.
  func card(_ card: Card) -> Segment {
    let rank = Card.rankCharacters[card.rank]
    let suit = unicode ? ["♣", "♦", "♥", "♠"][card.suit] : String(Card.suitCharacters[card.suit])
    return Segment(text: "[\(rank)\(suit)]", style: card.suit == 1 || card.suit == 2 ? "1;31" : "1")
  }

  func prompt(_ table: TableSnapshot) -> [String] {
    if table.handOver { return ["press any key for the next hand · q quit"] }
    guard let legal = table.legal else { return [] }
    if let typed = table.typedAmount {
      var line = "raise to: \(typed)_   (Enter to bet, Esc to go back)"
      if !table.presets.isEmpty {
        line += "   " + table.presets.map { "[\($0.key)] \($0.label) \($0.total)" }.joined(separator: "  ")
      }
      return [line]
    }
    var choices: [String] = []
    if legal.fold { choices.append("[f] fold") }
    choices.append(legal.call == 0 ? "[c] check" : "[c] call \(legal.call)")
    if let raise = legal.raise, raise.count == 2 {
      choices.append(raise[0] == raise[1] ? "[r] raise to \(raise[0])" : "[r] raise to \(raise[0])–\(raise[1])")
    }
    return [choices.joined(separator: "  ") + "   [?] help  [q] quit"]
  }

  func help(_ table: TableSnapshot) -> [String] {
    [
      "f fold · c check or call · r raise (no-limit: type a total and Enter, or a preset key)",
      "? this help · q quit with a summary · Ctrl-C also quits and restores the terminal",
    ]
  }

  /// Joins segments, cut to `width` characters; styles only when colour is on.
  func draw(_ segments: [Segment], width: Int) -> String {
    var out = ""
    var left = width
    for segment in segments where left > 0 {
      let text = segment.text.count > left ? String(segment.text.prefix(left)) : segment.text
      left -= text.count
      if color, let style = segment.style, !text.isEmpty {
        out += "\u{1B}[\(style)m" + text + "\u{1B}[0m"
      } else {
        out += text
      }
    }
    return out
  }
}
