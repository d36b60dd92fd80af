import PokerRules

/// Where the human sits: shows the table and reads choices. ``RawConsole`` is the full-screen
/// terminal interface; ``LineConsole`` is a plain prompt for pipes and scripts.
public protocol Console: AnyObject {
  /// Shows the table at the human's decision and returns the choice.
  func choose(_ table: TableSnapshot) -> Choice
  /// Shows a finished hand; false when the human wants to stop.
  func handOver(_ table: TableSnapshot) -> Bool
  /// Ends the session: the terminal restored, then the summary printed.
  func finish(_ summary: [String])
  /// True once the person pressed Ctrl-C (the command then ends with status 130, as an
  /// interrupted program does, after the summary).
  var interrupted: Bool { get }
}

extension Console {
  public var interrupted: Bool { false }
}

/// What the human chose.
public enum Choice: Sendable, Hashable {
  case action(Action)
  /// Stop now (q, Ctrl-C or the end of input).
  case quit
}
