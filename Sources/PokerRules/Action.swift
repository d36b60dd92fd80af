/// A betting action.
///
/// A raise names the total its player will have put in the pot once it is made (counting blinds
/// and earlier rounds), as ACPC's no-limit notation does; limit raises have one legal total.
public enum Action: Hashable, Sendable, CustomStringConvertible, Codable {
  case fold
  /// Check when nothing is owed, call otherwise.
  case call
  /// Raise so that this player's total contribution becomes `to`.
  case raise(to: Int)

  /// ACPC notation: `f`, `c`, `r`, or `r<to>` when `withSize`.
  public func acpc(withSize: Bool) -> String {
    switch self {
    case .fold: "f"
    case .call: "c"
    case .raise(let to): withSize ? "r\(to)" : "r"
    }
  }

  public var description: String {
    switch self {
    case .fold: "fold"
    case .call: "call"
    case .raise(let to): "raise to \(to)"
    }
  }
}
