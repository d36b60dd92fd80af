import BotProtocol
import Cards

/// Everything the table screen shows at one moment, from the human's seat: the screen model.
/// Consoles render it; tests compare its rendering with expected text.
public struct TableSnapshot: Sendable, Hashable {
  /// The game's name and the hand, such as "Leduc hold'em · hand 3 of 10".
  public var title: String
  public var yourName = "you"
  public var opponentName: String
  public var yourCards: [Card] = []
  /// The opponent's cards when shown at a showdown; nil while hidden.
  public var opponentCards: [Card]?
  public var opponentCardCount = 1
  public var board: [Card] = []
  public var pot = 0
  /// Chips behind, for games with stacks (no-limit); nil in limit games, where stacks do not bind.
  public var yourStack: Int?
  public var opponentStack: Int?
  /// The betting so far in words, one line per round.
  public var betting: [String] = []
  /// Whose turn it is or how the hand ended.
  public var status = ""
  /// What you may do, when it is your move.
  public var legal: Message.Legal?
  /// No-limit bet presets: label and raise total.
  public var presets: [Preset] = []
  /// A bet size being typed (no-limit), shown in the prompt.
  public var typedAmount: String?
  /// A hint or the coach's word on your last decision.
  public var message: String?
  /// The running totals and their confidence interval.
  public var totals: [String] = []
  /// Whether the key help is open.
  public var showHelp = false
  /// The session's finished hands, oldest first, each as the lines the review shows.
  public var pastHands: [[String]] = []
  /// The hand under review, counted back from the latest (0 = the last hand); nil when closed.
  public var reviewing: Int?
  /// Whether the hand is over (the prompt asks for a key to go on).
  public var handOver = false
  /// Cards without suits (Kuhn's J, Q, K: the game has one suit).
  public var suitless = false
  /// Whether you hold the dealer button (nil in games with antes, where no one does).
  public var youHaveButton: Bool?
  /// The opponent's chips in the pot this hand (shown for limit games, which have no stacks).
  public var opponentSpent = 0
  /// Your chips in the pot this hand, and before this round began.
  public var spent = 0
  public var spentBeforeRound = 0
  /// Whether a raise now would open the round's betting (a bet), rather than raise a bet or
  /// the blinds.
  public var opensRound = false
  /// The rules of the game in a sentence, and the unit of the totals, for the help screen.
  public var rules = ""
  public var unit = "chips/hand"

  /// A card as the table writes it: `Kh`, or `K` in a game with one suit.
  public func text(_ card: Card) -> String {
    suitless ? String(Card.rankCharacters[card.rank]) : "\(card)"
  }

  /// Cards as the table writes them, separated by spaces.
  public func text(_ cards: [Card]) -> String { cards.map(text).joined(separator: " ") }

  public struct Preset: Sendable, Hashable {
    public var key: Character
    public var label: String
    public var total: Int
    public init(key: Character, label: String, total: Int) {
      self.key = key
      self.label = label
      self.total = total
    }
  }

  public init(title: String, opponentName: String) {
    self.title = title
    self.opponentName = opponentName
  }
}
