/// The wire under a match's hands: ``MatchPipeline`` sends each session its frames and reads
/// what comes back through it, so hand ordering, commits and failures are decided the same way
/// over ZeroMQ (``Connection``) and in memory (the tests).
///
/// Sessions are numbered `0..<sessions`: player `p` at table `t` is session `p + players × t`.
public protocol MatchTransport {
  /// Monotonic time in nanoseconds (an in-memory transport may run a clock of its own).
  func now() -> UInt64
  /// Whether session `link` took its seat; one that did not has failed before the first hand.
  func isSeated(_ link: Int) -> Bool
  /// Sends one frame to session `link`. When `mustArrive` (a decision) the send may wait for
  /// room; otherwise (a hand's end) it gives up at once. Returns false when it was not sent.
  mutating func send(_ frame: [UInt8], to link: Int, mustArrive: Bool) -> Bool
  /// Waits at most `timeoutMs` for frames from the sessions and returns all that arrived, each
  /// with its session, in the order they arrived (nothing when the time ran out).
  mutating func receive(timeoutMs: Int) -> [(link: Int, frame: [UInt8])]
  /// Whether session `link`'s process is known to have exited (false when there is none to watch).
  func hasExited(_ link: Int) -> Bool
}
