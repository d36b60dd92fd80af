import BotProtocol
import PokerRules

extension Choice {
  /// The choice a key or a typed line names at a decision, or a hint saying what would do.
  ///
  /// `f` fold, `c` or `k` check or call, `r` raise (limit: the one raise; no-limit: `r` alone
  /// asks for a size, `r 250` raises to 250, a preset key such as `p` raises to its total), `q`
  /// quit. A no-limit total outside the legal range
  /// is refused with the range.
  static func parse(
    _ text: String, legal: Message.Legal, noLimit: Bool, presets: [TableSnapshot.Preset] = []
  ) -> Result<Choice?, Hint> {
    let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard let first = words.first else { return .failure(Hint("type f, c or r (? for help)")) }
    let rest = words.count > 1 ? String(words[1]) : String(first.dropFirst())
    // A no-limit preset at the prompt itself: h ½ pot, p pot, a all-in.
    if first.count == 1, let preset = presets.first(where: { $0.key == first.first }) {
      return .success(.action(.raise(to: preset.total)))
    }
    switch first.first {
    case "q": return .success(.quit)
    case "f":
      guard legal.fold else { return .failure(Hint("nothing to fold to: check with c")) }
      return .success(.action(.fold))
    case "c", "k": return .success(.action(.call))
    case "r", "b":
      guard let raise = legal.raise, raise.count == 2 else { return .failure(Hint("no raise is allowed here")) }
      guard noLimit else { return .success(.action(.raise(to: raise[0]))) }
      if rest.isEmpty { return .success(nil) }
      guard let total = Int(rest), (raise[0]...raise[1]).contains(total) else {
        return .failure(Hint("a raise goes to a total from \(raise[0]) to \(raise[1])"))
      }
      return .success(.action(.raise(to: total)))
    default:
      return .failure(Hint("'\(text)' is not a move: f fold, c check/call, r raise, ? help, q quit"))
    }
  }
}

extension TableSnapshot {
  /// The question to ask before `choice` when it is a no-limit raise that puts in more chips
  /// than the pot holds; nil when it needs no asking.
  public func confirmation(for choice: Choice) -> String? {
    guard yourStack != nil, case .action(.raise(let total)) = choice else { return nil }
    let adds = total - spent
    guard adds > pot else { return nil }
    return "that puts in \(adds) chips, more than the pot of \(pot): y to go ahead, anything else to choose again"
  }
}

/// A short sentence telling the human what input would work.
struct Hint: Error, Hashable, Sendable {
  let text: String
  init(_ text: String) { self.text = text }
}
