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

  /// The ACPC log line: `STATE:<hand>:<betting>:<cards>:<v0>|<v1>:<name0>|<name1>`.
  public var acpcLine: String {
    let values = payoffs.map { $0 == $0.rounded() ? String(Int($0)) : String($0) }.joined(separator: "|")
    return "STATE:\(hand):\(betting):\(cards):\(values):\(names.joined(separator: "|"))"
  }

  /// One JSON line (sorted keys, so the same hand gives the same bytes).
  public var jsonLine: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
  }
}
