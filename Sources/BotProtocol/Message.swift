/// One message of the arena protocol (version 1): a JSON object in one ZeroMQ frame, with a
/// `type` field naming the message. Unknown fields are ignored, so later versions can add some.
/// See `docs/PROTOCOL.md` for every message with an example exchange.
public enum Message: Sendable, Hashable {
  /// Bot → arena, first: who it is, which protocol versions and game it speaks.
  case hello(Hello)
  /// Arena → bot: accepted.
  case welcome(Welcome)
  /// Arena → bot: not accepted (unknown version, wrong game, name taken), with the reason.
  case refused(Refused)
  /// Arena → bot: a decision is due.
  case decide(Decide)
  /// Bot → arena: the answer to a decision.
  case act(Act)
  /// Arena → bot: a hand the bot played has ended.
  case handEnd(HandEnd)
  /// Arena → bot: the match is over; the bot may disconnect.
  case matchEnd(MatchEnd)
  /// Bot → arena, optional, after `matchEnd`: lines for the report (an adaptive bot's switches).
  case notes(Notes)
  /// Bot → arena, at any time: the bot quits the match now (a person who pressed `q`).
  case leave(Leave)

  /// The protocol versions this implementation speaks.
  public static let versions = [1]

  public struct Hello: Sendable, Hashable {
    public var name: String
    public var protocols: [Int]
    public var game: String
    /// How many hands the bot accepts in flight at once (decisions of different hands
    /// interleaved); 1, the default, for a bot whose choices depend on the order of hands.
    public var inFlight: Int
    /// The seat's secret, for a bot the arena started itself (given to it in the environment
    /// variable `SKEPTIC_SEAT_SECRET`); nil for a bot that connects from outside.
    public var secret: String?
    public init(
      name: String, protocols: [Int] = Message.versions, game: String, inFlight: Int = 1, secret: String? = nil
    ) {
      self.name = name
      self.protocols = protocols
      self.game = game
      self.inFlight = inFlight
      self.secret = secret
    }
  }

  public struct Welcome: Sendable, Hashable {
    public var protocolVersion: Int
    public var gameDefinition: String
    public var hands: Int
    /// Per-action time limit in milliseconds.
    public var actionTimeMs: Int
    /// The most hands the arena will keep in flight with this bot (at most what it asked for).
    public var inFlight: Int
    /// Milliseconds the bot may take over one hand, all its decisions together (nil: no limit
    /// beyond the action limit).
    public var handTimeMs: Int?
    public init(
      protocolVersion: Int, gameDefinition: String, hands: Int, actionTimeMs: Int, inFlight: Int = 1,
      handTimeMs: Int? = nil
    ) {
      self.protocolVersion = protocolVersion
      self.gameDefinition = gameDefinition
      self.hands = hands
      self.actionTimeMs = actionTimeMs
      self.inFlight = inFlight
      self.handTimeMs = handTimeMs
    }
  }

  public struct Refused: Sendable, Hashable {
    public var reason: String
    public var protocols: [Int]
    public init(reason: String, protocols: [Int] = Message.versions) {
      self.reason = reason
      self.protocols = protocols
    }
  }

  /// What the player may do, in chips.
  public struct Legal: Sendable, Hashable {
    public var fold: Bool
    /// Chips a call adds (0: check).
    public var call: Int
    /// Smallest and largest legal raise totals, or nil when raising is not allowed.
    public var raise: [Int]?
    public init(fold: Bool, call: Int, raise: [Int]?) {
      self.fold = fold
      self.call = call
      self.raise = raise
    }
  }

  public struct Decide: Sendable, Hashable {
    /// Echoed in the answer; several decisions (of different hands) may be outstanding at once.
    public var id: Int
    public var hand: Int
    /// This seat's view in ACPC text: `MATCHSTATE:<seat>:<hand>:<betting>:<cards>`.
    public var matchState: String
    public var seat: Int
    public var legal: Legal
    public var pot: Int
    /// Chips each seat has behind.
    public var stacks: [Int]
    public var timeLeftMs: Int
    /// The name of the bot on the other side of the table (with three or more bots, every pair
    /// plays, and this says which pair the hand belongs to).
    public var opponent: String?
    public init(
      id: Int, hand: Int, matchState: String, seat: Int, legal: Legal, pot: Int, stacks: [Int], timeLeftMs: Int,
      opponent: String? = nil
    ) {
      self.opponent = opponent
      self.id = id
      self.hand = hand
      self.matchState = matchState
      self.seat = seat
      self.legal = legal
      self.pot = pot
      self.stacks = stacks
      self.timeLeftMs = timeLeftMs
    }
  }

  public struct Act: Sendable, Hashable {
    public var id: Int
    /// ACPC notation: `f`, `c`, `r` (limit) or `r<total>` (no-limit).
    public var action: String
    public init(id: Int, action: String) {
      self.id = id
      self.action = action
    }
  }

  public struct HandEnd: Sendable, Hashable {
    public var hand: Int
    /// The final state as this seat may see it (opponents' cards only if shown at a showdown).
    public var matchState: String
    public var seat: Int
    /// Chips won or lost by each seat in the hand.
    public var payoffs: [Double]
    public init(hand: Int, matchState: String, seat: Int, payoffs: [Double]) {
      self.hand = hand
      self.matchState = matchState
      self.seat = seat
      self.payoffs = payoffs
    }
  }

  public struct Notes: Sendable, Hashable {
    public var lines: [String]
    public init(lines: [String]) { self.lines = lines }
  }

  public struct MatchEnd: Sendable, Hashable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
  }

  public struct Leave: Sendable, Hashable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
  }
}
