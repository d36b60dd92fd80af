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
      seat(
        table.opponentName, cards: table.opponentCards, hidden: table.opponentCardCount, stack: table.opponentStack,
        inPot: table.opponentSpent, button: table.youHaveButton == false, suitless: table.suitless),
      [Segment(text: "", style: nil)],
      boardLine(table, width: width),
      [Segment(text: "", style: nil)],
      seat(
        table.yourName, cards: table.yourCards, hidden: 0, stack: table.yourStack, inPot: table.spent,
        button: table.youHaveButton == true, suitless: table.suitless),
      rule,
    ]
    // Text lines wrap at the window's width (continuations indented) instead of being cut.
    func wrapped(_ text: String, indent: String, style: String?) -> [[Segment]] {
      TableScreen.wrap(text, width: width, indent: indent).map { [Segment(text: $0, style: style)] }
    }
    let rounds = table.betting.map { wrapped("  " + $0, indent: "    ", style: nil) }
    var betting = rounds.flatMap { $0 }
    if betting.isEmpty { betting = [[Segment(text: "  no betting yet", style: "2")]] }
    var bottom: [[Segment]] = [rule]
    bottom += wrapped(" " + table.status, indent: "   ", style: "1")
    bottom += prompt(table).flatMap { wrapped("  " + $0, indent: "    ", style: nil) }
    if let message = table.message { bottom += wrapped("  " + message, indent: "    ", style: "33") }
    if table.showHelp { bottom += help(table).flatMap { wrapped("  " + $0, indent: "    ", style: "2") } }
    if table.reviewing != nil { bottom += review(table).flatMap { wrapped("  " + $0, indent: "    ", style: "2") } }
    bottom.append(rule)
    bottom += table.totals.flatMap { wrapped(" " + $0, indent: "   ", style: nil) }
    // Fit the height: the betting keeps its latest rounds; the top loses its spacing, then the
    // rules between the parts go; the latest betting line always stays, and whatever still does
    // not fit is the totals at the very bottom (the choices and the quit key stay on screen).
    var spare = height - top.count - bottom.count
    if spare < betting.count {
      top.removeAll { $0.count == 1 && $0[0].text.isEmpty }
      spare = height - top.count - bottom.count
    }
    if spare < betting.count {
      let isRule = { (line: [Segment]) in line.count == 1 && line[0].text.hasPrefix("──") }
      top = [top[0]] + top.dropFirst().filter { !isRule($0) }
      bottom = bottom.filter { !isRule($0) }
      spare = height - top.count - bottom.count
    }
    if spare < betting.count { betting = TableScreen.latest(rounds, fitting: max(spare, 1)) }
    let lines = (top + betting + bottom).prefix(max(height, 1))
    return lines.map { draw($0, width: width) }
  }

  /// The latest betting rounds that fit in `count` lines, each round whole (a wrapped round is
  /// never shown by its continuation lines alone), behind a "…" line when earlier rounds are
  /// left out and a line is free. When even the latest round does not fit, its last lines are
  /// shown, the first of them starting with "…".
  static func latest(_ rounds: [[[Segment]]], fitting count: Int) -> [[Segment]] {
    var kept: [[Segment]] = []
    var next = rounds.count
    while next > 0, kept.count + rounds[next - 1].count <= count {
      kept = rounds[next - 1] + kept
      next -= 1
    }
    if kept.isEmpty, let last = rounds.last {
      var tail = Array(last.suffix(count))
      let text = tail[0].map(\.text).joined()
      tail[0] = [Segment(text: "  … " + text.drop { $0 == " " }, style: tail[0].first?.style)]
      return tail
    }
    if next > 0 && kept.count < count { kept.insert([Segment(text: "  …", style: "2")], at: 0) }
    return kept
  }

  /// The board and the pot, spaced less (then without the label) when the full line would not
  /// fit, so the pot's figure is never the part cut off: five cards and a three-digit pot at 40
  /// columns.
  func boardLine(_ table: TableSnapshot, width: Int) -> [Segment] {
    let shown = cards(table.board, empty: "—", suitless: table.suitless)
    let cardsWidth = shown.reduce(0) { $0 + $1.text.count }
    let pot = "pot \(table.pot)"
    for (label, gap) in [("  board  ", "    "), ("  board ", "  "), ("  ", " ")]
    where label.count + cardsWidth + gap.count + pot.count <= width {
      return [Segment(text: label, style: nil)] + shown + [Segment(text: gap + pot, style: "1")]
    }
    return [Segment(text: "  ", style: nil)] + shown + [Segment(text: " " + pot, style: "1")]
  }

  /// A seat's line: name, cards, chips behind (no-limit) or, in limit games without stacks, the
  /// chips it has in the pot this hand, and the button.
  func seat(
    _ name: String, cards shown: [Card]?, hidden: Int, stack: Int?, inPot: Int, button: Bool, suitless: Bool
  ) -> [Segment] {
    let label = "  " + name.padding(toLength: 10, withPad: " ", startingAt: 0) + " "
    let drawn =
      shown.map { cards($0, empty: "—", suitless: suitless) }
      ?? Array(repeating: Segment(text: unicode ? "[░░]" : "[??]", style: "2"), count: hidden)
    return [Segment(text: label, style: "1")] + drawn
      + [Segment(text: stack.map { "    stack \($0)" } ?? (inPot > 0 ? "    in the pot \(inPot)" : ""), style: nil)]
      + (button ? [Segment(text: "    (button)", style: "2")] : [])
  }

  func cards(_ list: [Card], empty: String, suitless: Bool = false) -> [Segment] {
    if list.isEmpty { return [Segment(text: empty, style: "2")] }
    var segments: [Segment] = []
    for (index, card) in list.enumerated() {
      if index > 0 { segments.append(Segment(text: " ", style: nil)) }
      segments.append(self.card(card, suitless: suitless))
    }
    return segments
  }

  /// One card, `[K♥]` (red suits in red when colour is on) or `[Kh]`; `[K]` in a one-suit game.
  func card(_ card: Card, suitless: Bool = false) -> Segment {
    let rank = Card.rankCharacters[card.rank]
    if suitless { return Segment(text: "[\(rank)]", style: "1") }
    let suit = unicode ? ["♣", "♦", "♥", "♠"][card.suit] : String(Card.suitCharacters[card.suit])
    return Segment(text: "[\(rank)\(suit)]", style: card.suit == 1 || card.suit == 2 ? "1;31" : "1")
  }

  /// The choices line (or the typed-size line, or the next-hand line) for `table`.
  public func prompt(_ table: TableSnapshot) -> [String] {
    if table.handOver { return ["press any key for the next hand · l the hands played · q quit"] }
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
    if let raise = legal.raise, raise.count == 2 { choices.append("[r] " + raiseLabel(table, raise)) }
    var line = choices.joined(separator: "  ")
    if !table.presets.isEmpty {
      line += "  " + table.presets.map { "[\($0.key)] \($0.label)" }.joined(separator: " ")
    }
    return [line + "   [?] help  [q] quit"]
  }

  /// What `r` does, in the words a player uses: a bet of the chips it adds when it opens the
  /// round ("bet 20 (30 in this hand)"), a raise to this round's total otherwise ("raise to 40"
  /// on the turn: 40 in this round, the blinds counted preflop), "all-in" when
  /// it puts in every chip behind; no-limit's range of totals for the hand, as typed.
  func raiseLabel(_ table: TableSnapshot, _ raise: [Int]) -> String {
    let allChips = table.yourStack.map { table.spent + $0 }
    if raise[0] == raise[1] {
      let adds = raise[0] - table.spent
      if raise[0] == allChips { return "all-in \(adds)" }
      return table.opensRound
        ? "bet \(adds) (\(raise[0]) in this hand)" : "raise to \(raise[0] - table.spentBeforeRound)"
    }
    let verb = table.opensRound ? "bet" : "raise"
    return "\(verb) to \(raise[0])–\(raise[1]) (hand total)"
  }

  /// The hand under review (`l`): a heading saying which, then the hand's own lines.
  public func review(_ table: TableSnapshot) -> [String] {
    guard let back = table.reviewing else { return [] }
    guard !table.pastHands.isEmpty else { return ["no hand has finished yet"] }
    let steps = min(back, table.pastHands.count - 1)
    let index = table.pastHands.count - 1 - steps
    let which = steps == 0 ? "the last hand" : "\(steps) hand\(steps == 1 ? "" : "s") before the last"
    let more = index == 0 ? "the first of the session" : "l again for the one before"
    let heading = "\(which) (\(more); any other key closes):"
    return [heading] + table.pastHands[index]
  }

  /// The help screen: the keys, the game's rules, and what the totals and the coach's numbers mean.
  public func help(_ table: TableSnapshot) -> [String] {
    // One sentence per line; the screen wraps them to its width.
    var lines = [
      "keys: f fold · c check or call · r bet or raise (no-limit: r and a total for the hand, such as r 600, or a preset key: h ½ pot, p pot, a all-in) · l the hands played, latest first · ? this help · q quit with a summary"
    ]
    if !table.rules.isEmpty { lines.append("the game: " + table.rules) }
    lines += [
      table.unit == "mbb/hand"
        ? "mbb/hand: your result in thousandths of a big blind per hand (+1000 = one big blind won a hand)"
        : "chips/hand: your result in chips per hand (the ante is 1 chip)",
      "the 95% interval: an anytime-valid confidence sequence for your true win rate; it stays valid however often you look (after every hand), and excludes 0 only once the evidence says you are ahead or behind",
      "coach (--coach): at each decision, the chips your action gave up against the equilibrium's value there",
    ]
    return lines
  }

  /// `text` in lines of at most `width` characters, broken at spaces (a word longer than a line
  /// is cut), each line after the first starting with `indent`.
  static func wrap(_ text: String, width: Int, indent: String) -> [String] {
    guard text.count > width else { return [text] }
    let lead = String(text.prefix { $0 == " " })
    var lines: [String] = []
    var line = lead
    var bare = true  // no word on the line yet
    for word in text.dropFirst(lead.count).split(separator: " ") {
      if !bare && line.count + 1 + word.count > width {
        lines.append(line)
        line = indent
        bare = true
      }
      line += (bare ? "" : " ") + word
      bare = false
    }
    lines.append(line)
    return lines.map { $0.count > width ? String($0.prefix(width)) : $0 }
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
