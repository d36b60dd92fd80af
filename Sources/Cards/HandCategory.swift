/// The category of a poker hand, weakest first.
///
/// Hands of fewer than five cards (Kuhn's one card, Leduc's two) can only be high card, pair, two
/// pair, three or four of a kind.
public enum HandCategory: Int, CaseIterable, Comparable, Sendable, CustomStringConvertible, Codable {
  case highCard = 0
  case onePair
  case twoPair
  case threeOfAKind
  case straight
  case flush
  case fullHouse
  case fourOfAKind
  case straightFlush

  public static func < (lhs: HandCategory, rhs: HandCategory) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The category's name in words, such as "two pair".
  public var description: String {
    switch self {
    case .highCard: "high card"
    case .onePair: "one pair"
    case .twoPair: "two pair"
    case .threeOfAKind: "three of a kind"
    case .straight: "straight"
    case .flush: "flush"
    case .fullHouse: "full house"
    case .fourOfAKind: "four of a kind"
    case .straightFlush: "straight flush"
    }
  }
}
