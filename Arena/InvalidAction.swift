/// An answer the referee could not play as sent: what the bot sent, in which seat, and why it
/// was refused. It is played as a call, or, for a no-limit raise out of range, as the nearest
/// legal raise (the ACPC dealer's rule), and counted against the bot.
public struct InvalidAction: Sendable, Hashable {
  public var seat: Int
  /// The answer's text as sent (at most 80 bytes of it).
  public var text: String
  public var reason: String
  public init(seat: Int, text: String, reason: String) {
    self.seat = seat
    self.text = text
    self.reason = reason
  }
}
