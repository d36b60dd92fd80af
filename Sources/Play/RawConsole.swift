import Foundation

/// The full-screen terminal interface: the table redrawn on every change and on resize, single
/// keys for actions, a typed size or a preset for no-limit raises, `?` for help, `q` or Ctrl-C to
/// quit with the summary. The terminal is restored however the session ends.
public final class RawConsole: Console {
  public private(set) var interrupted = false
  let terminal: RawTerminal
  let screen: TableScreen
  let noLimit: Bool

  /// Nil when standard input or output is not a terminal.
  public init?(noLimit: Bool, color: Bool, unicode: Bool) {
    guard RawTerminal.available else { return nil }
    terminal = RawTerminal()
    screen = TableScreen(color: color, unicode: unicode)
    self.noLimit = noLimit
  }

  func draw(_ table: TableSnapshot) {
    let size = terminal.size
    terminal.draw(screen.render(table, width: size.width, height: size.height))
  }

  /// The next key, redrawing `table` whenever the window is resized; nil at the end of input.
  func key(_ table: TableSnapshot) -> UInt8? {
    while true {
      switch terminal.read(timeoutMs: 200) {
      case .byte(let byte):
        if byte == 3 { interrupted = true }
        if byte == 27 {
          // An escape sequence (arrow keys and the like) arrives at once: swallow it whole.
          while case .byte = terminal.read(timeoutMs: 5) {}
        }
        return byte
      case .end: return nil
      case .none: if terminal.takeResize() { draw(table) }
      }
    }
  }

  public func choose(_ table: TableSnapshot) -> Choice {
    var table = table
    guard let legal = table.legal else { return .action(.call) }
    // More than a pot is asked about first: y goes ahead, any other key returns to the choice.
    func confirmed(_ choice: Choice) -> Bool {
      guard let question = table.confirmation(for: choice) else { return true }
      table.message = question
      draw(table)
      let answer = key(table)
      table.message = nil
      return answer == UInt8(ascii: "y") || answer == UInt8(ascii: "Y")
    }
    while true {
      draw(table)
      guard let byte = key(table), byte != 3, byte != 4 else { return .quit }
      let character = Character(Unicode.Scalar(byte))
      if let typed = table.typedAmount {
        table.message = nil
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): table.typedAmount = typed + String(character)
        case 127, 8: table.typedAmount = String(typed.dropLast())
        case 27: table.typedAmount = nil
        case 13, 10:
          if case .success(let choice?) = Choice.parse("r \(typed)", legal: legal, noLimit: true) {
            if confirmed(choice) { return choice }
            continue
          }
          if case .failure(let hint) = Choice.parse("r \(typed)", legal: legal, noLimit: true) {
            table.message = hint.text
          }
        default:
          if let preset = table.presets.first(where: { $0.key == character }) {
            let choice = Choice.action(.raise(to: preset.total))
            if confirmed(choice) { return choice }
            continue
          }
          table.message = "type digits and Enter, a preset key, or Esc"
        }
        continue
      }
      if character == "?" {
        table.showHelp.toggle()
        continue
      }
      // The review of past hands: l steps back a hand; any other key closes it.
      if character == "l" {
        table.reviewing = table.reviewing.map { min($0 + 1, max(table.pastHands.count - 1, 0)) } ?? 0
        continue
      }
      if table.reviewing != nil {
        table.reviewing = nil
        continue
      }
      switch Choice.parse(String(character), legal: legal, noLimit: noLimit, presets: table.presets) {
      case .success(let choice?):
        if confirmed(choice) { return choice }
      case .success(nil):
        table.typedAmount = ""
        table.message = nil
      case .failure(let hint):
        table.message = byte < 32 || byte > 126 ? "that key does nothing here: f, c, r, ? or q" : hint.text
      }
    }
  }

  public func handOver(_ table: TableSnapshot) -> Bool {
    var table = table
    table.handOver = true
    while true {
      draw(table)
      guard let byte = key(table) else { return false }
      if byte == UInt8(ascii: "l") {
        table.reviewing = table.reviewing.map { min($0 + 1, max(table.pastHands.count - 1, 0)) } ?? 0
        continue
      }
      return !(byte == UInt8(ascii: "q") || byte == 3 || byte == 4)
    }
  }

  public func finish(_ summary: [String]) {
    terminal.restore()
    FileHandle.standardOutput.write(Data((summary.joined(separator: "\n") + "\n").utf8))
  }
}
