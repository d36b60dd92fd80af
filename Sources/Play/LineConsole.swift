import Foundation

/// The plain console: the table as a few lines of text, a prompt, one action per line. Used when
/// standard input or output is not a terminal, so `skeptic play` can be scripted.
public final class LineConsole: Console {
  let noLimit: Bool
  let screen = TableScreen(color: false, unicode: false)
  var lastBetting: [String] = []

  public init(noLimit: Bool) { self.noLimit = noLimit }

  func say(_ lines: [String]) {
    FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
  }

  func show(_ table: TableSnapshot) {
    var lines = ["", table.title]
    lines.append(
      "  you: " + table.text(table.yourCards) + (table.youHaveButton == true ? " (button)" : "") + "   board: "
        + (table.board.isEmpty ? "—" : table.text(table.board))
        + "   pot \(table.pot)"
        + (table.yourStack.map { "   stacks: you \($0), \(table.opponentName) \(table.opponentStack ?? 0)" }
          ?? "   in the pot: you \(table.spent), \(table.opponentName) \(table.opponentSpent)"))
    lines += table.betting.map { "  " + $0 }
    if let message = table.message { lines.append("  " + message) }
    say(lines)
  }

  public func choose(_ table: TableSnapshot) -> Choice {
    show(table)
    guard let legal = table.legal else { return .action(.call) }
    let prompt = screen.prompt(table).first ?? ""
    while true {
      FileHandle.standardOutput.write(Data("\(prompt)\n> ".utf8))
      guard let line = readLine() else { return .quit }
      if line.trimmingCharacters(in: .whitespaces) == "?" {
        say(screen.help(table))
        continue
      }
      // `l` shows the last hand, `l 3` the hand three back.
      let words = line.split(separator: " ")
      if words.first == "l", words.count <= 2 {
        var review = table
        review.reviewing = max((words.count == 2 ? Int(words[1]) ?? 1 : 1) - 1, 0)
        say(screen.review(review).map { "  " + $0 })
        continue
      }
      switch Choice.parse(line, legal: legal, noLimit: noLimit, presets: table.presets) {
      case .success(let choice?):
        guard let question = table.confirmation(for: choice) else { return choice }
        FileHandle.standardOutput.write(Data("  \(question)\n> ".utf8))
        guard let answer = readLine() else { return .quit }
        if answer.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("y") { return choice }
      case .success(nil):
        say(["  give the total with it, such as r \(legal.raise?.first ?? 0)"])
      case .failure(let hint): say(["  " + hint.text])
      }
    }
  }

  public func handOver(_ table: TableSnapshot) -> Bool {
    show(table)
    say([table.status] + table.totals.map { "  " + $0 })
    return true
  }

  public func finish(_ summary: [String]) { say([""] + summary) }
}
