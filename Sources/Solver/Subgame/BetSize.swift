import Foundation

/// One entry of a bet menu: a fraction of the pot, or all-in.
///
/// For a bet the fraction is of the pot before the bet; for a raise, of the pot after the call
/// (so a 100 % raise is the classic pot-sized raise).
public enum BetSize: Hashable, Sendable, CustomStringConvertible {
  /// This many percent of the pot, such as 50 or 100.
  case percentOfPot(Double)
  /// Everything behind.
  case allIn

  /// Reads `50`, `50%`, `33.3%`, `a`, `allin` or `all-in`.
  public init(parsing text: some StringProtocol, field: String) throws(SpotError) {
    let word = text.lowercased().trimmingCharacters(in: .whitespaces)
    if ["a", "allin", "all-in", "all"].contains(word) {
      self = .allIn
      return
    }
    let number = word.hasSuffix("%") ? String(word.dropLast()) : word
    guard let value = Double(number), value.isFinite, value > 0, value <= 10_000 else {
      throw SpotError(
        .badBetSize, field: field,
        "'\(text)' is not a bet size; write a percentage of the pot such as 50% or 75, or 'allin'")
    }
    self = .percentOfPot(value)
  }

  /// Reads a list such as `50%, 100%, allin` (commas or spaces between sizes); empty means none.
  public static func parseList(_ text: some StringProtocol, field: String) throws(SpotError) -> [BetSize] {
    var sizes: [BetSize] = []
    for word in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
      let size = try BetSize(parsing: word, field: field)
      if !sizes.contains(size) { sizes.append(size) }
    }
    return sizes
  }

  public var description: String {
    switch self {
    case .percentOfPot(let value):
      value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    case .allIn: "allin"
    }
  }
}
