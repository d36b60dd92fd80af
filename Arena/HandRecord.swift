import BotProtocol
import Foundation
import PokerRules

/// One finished hand, as the logs record it.
public struct HandRecord: Codable, Sendable, Hashable {
  public var hand: Int
  /// Player names by seat.
  public var names: [String]
  /// Player indices by seat.
  public var seating: [Int]
  /// The ACPC betting text and cards text (all cards, as the referee knows them).
  public var betting: String
  public var cards: String
  /// Chips won by each seat.
  public var payoffs: [Double]
  /// Actions that had to be corrected (malformed, illegal or out of range), by seat.
  public var corrected: [Int]
  /// Seats that timed out or disconnected during this hand.
  public var failures: [String?]
  /// Each answer that could not be played as sent, with its text and why.
  public var invalid: [InvalidAction] = []

  public init(
    hand: Int, names: [String], seating: [Int], betting: String, cards: String, payoffs: [Double], corrected: [Int],
    failures: [String?], invalid: [InvalidAction] = []
  ) {
    self.invalid = invalid
    self.hand = hand
    self.names = names
    self.seating = seating
    self.betting = betting
    self.cards = cards
    self.payoffs = payoffs
    self.corrected = corrected
    self.failures = failures
  }

  /// The ACPC log line: `STATE:<hand>:<betting>:<cards>:<v0>|<v1>:<name0>|<name1>`.
  public var acpcLine: String {
    let values = payoffs.map { $0 == $0.rounded() ? String(Int($0)) : String($0) }.joined(separator: "|")
    return "STATE:\(hand):\(betting):\(cards):\(values):\(names.joined(separator: "|"))"
  }

  /// One JSON line, keys sorted (so the same hand gives the same bytes), tagged with its pair.
  public func jsonLine(pair: String) -> String {
    var out = JSONWriter(capacity: 256)
    out.beginObject()
    out.key("betting")
    out.string(betting)
    out.key("cards")
    out.string(cards)
    out.key("corrected")
    out.beginArray()
    for count in corrected { out.int(count) }
    out.endArray()
    out.key("failures")
    out.beginArray()
    for failure in failures {
      if let failure { out.string(failure) } else { out.null() }
    }
    out.endArray()
    out.key("hand")
    out.int(hand)
    if !invalid.isEmpty {
      out.key("invalid")
      out.beginArray()
      for entry in invalid {
        out.beginObject()
        out.key("reason")
        out.string(entry.reason)
        out.key("seat")
        out.int(entry.seat)
        out.key("text")
        out.string(entry.text)
        out.endObject()
      }
      out.endArray()
    }
    out.key("names")
    out.beginArray()
    for name in names { out.string(name) }
    out.endArray()
    out.key("pair")
    out.string(pair)
    out.key("payoffs")
    out.beginArray()
    for payoff in payoffs { out.double(payoff) }
    out.endArray()
    out.key("seating")
    out.beginArray()
    for player in seating { out.int(player) }
    out.endArray()
    out.endObject()
    return String(decoding: out.bytes, as: UTF8.self)
  }
}

extension HandRecord {
  private enum Keys: String, CodingKey {
    case hand, names, seating, betting, cards, payoffs, corrected, failures, invalid
  }

  /// Reads a logged hand; `invalid` is absent from hands logged before it was kept.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Keys.self)
    self.init(
      hand: try container.decode(Int.self, forKey: .hand), names: try container.decode([String].self, forKey: .names),
      seating: try container.decode([Int].self, forKey: .seating),
      betting: try container.decode(String.self, forKey: .betting),
      cards: try container.decode(String.self, forKey: .cards),
      payoffs: try container.decode([Double].self, forKey: .payoffs),
      corrected: try container.decode([Int].self, forKey: .corrected),
      failures: try container.decode([String?].self, forKey: .failures),
      invalid: try container.decodeIfPresent([InvalidAction].self, forKey: .invalid) ?? [])
  }
}
