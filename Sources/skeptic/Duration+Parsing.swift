/// A span written as `30s`, `10m`, `1h`, `250ms`, or a count of iterations as `100it`.
enum Interval: Equatable {
  case seconds(Double)
  case iterations(Int)

  init?(_ text: String) {
    let lower = text.lowercased()
    if lower.hasSuffix("it"), let count = Int(lower.dropLast(2)), count > 0 {
      self = .iterations(count)
      return
    }
    let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
    for (suffix, scale) in units where lower.hasSuffix(suffix) {
      if let value = Double(lower.dropLast(suffix.count)), value >= 0 {
        self = .seconds(value * scale)
        return
      }
    }
    if let value = Double(lower), value >= 0 {
      self = .seconds(value)
      return
    }
    return nil
  }

  static let help = "a duration such as 30s, 10m, 1h or 250ms"
}
