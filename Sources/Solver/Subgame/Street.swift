/// A postflop betting round, named by the number of board cards it is played with.
public enum Street: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
  case flop = 3
  case turn = 4
  case river = 5

  /// The street played with `count` board cards, if there is one.
  public init?(boardCount count: Int) { self.init(rawValue: count) }

  /// The street after this one, or nil after the river.
  public var next: Street? { Street(rawValue: rawValue + 1) }

  public var description: String {
    switch self {
    case .flop: "flop"
    case .turn: "turn"
    case .river: "river"
    }
  }

  public static func < (lhs: Street, rhs: Street) -> Bool { lhs.rawValue < rhs.rawValue }
}
