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

  public init(
    hand: Int, names: [String], seating: [Int], betting: String, cards: String, payoffs: [Double], corrected: [Int],
    failures: [String?]
  ) {
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
