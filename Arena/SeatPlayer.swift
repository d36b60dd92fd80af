import BotProtocol

/// One participant as the referee sees it, apart from any transport: asked for decisions,
/// told when hands end. The ZeroMQ arena implements it over sockets; tests implement it in
/// memory.
public protocol SeatPlayer {
  var name: String { get }
  /// The answer to a decision: an ACPC action text, or why there is none.
  mutating func decide(_ request: Message.Decide) -> PlayerReply
  mutating func handEnded(_ end: Message.HandEnd)
}

/// What a player answered.
public enum PlayerReply: Sendable, Hashable {
  case action(String)
  /// A frame that is no answer (not a protocol message, or not an `act`): its text and why.
  case unreadable(String, String)
  /// No answer within the time limit.
  case timedOut
  /// The player's connection or process is gone.
  case disconnected
  /// The player said it is leaving the match (a `leave` message).
  case left
}
