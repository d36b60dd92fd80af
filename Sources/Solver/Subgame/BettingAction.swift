/// A move in a postflop betting tree.
public struct BettingAction: Hashable, Sendable, CustomStringConvertible {
  /// The kinds of move.
  public enum Kind: String, Hashable, Sendable {
    case fold, check, call, bet, raise
  }

  public let kind: Kind
  /// For a bet or raise, the player's chips in on this street after it ("raise to"); for a call,
  /// the amount matched; 0 for a check or fold.
  public let amount: Int
  /// Whether the move puts the player's last chip in.
  public let isAllIn: Bool

  public init(_ kind: Kind, amount: Int = 0, isAllIn: Bool = false) {
    self.kind = kind
    self.amount = amount
    self.isAllIn = isAllIn
  }

  /// `check`, `bet 50`, `raise 150`, `call`, `fold`, with ` (all-in)` when it is.
  public var description: String {
    switch kind {
    case .fold, .check: kind.rawValue
    case .call: isAllIn ? "call (all-in)" : "call"
    case .bet, .raise: "\(kind.rawValue) \(amount)" + (isAllIn ? " (all-in)" : "")
    }
  }

  /// The short token a betting line is written in: `x`, `c`, `f`, `b50`, `r150`.
  public var token: String {
    switch kind {
    case .fold: "f"
    case .check: "x"
    case .call: "c"
    case .bet: "b\(amount)"
    case .raise: "r\(amount)"
    }
  }
}
