import ArgumentParser
import Foundation
import Solver

extension Skeptic.Solve {
  /// The spot from the file (if any) with the flags laid over it.
  func readSpot() throws -> Spot {
    var entries: [(key: String, value: String)] = []
    var fileText: String? = nil
    if let spot {
      guard let data = FileManager.default.contents(atPath: spot) else {
        throw CommandError("\(spot): cannot read the spot file")
      }
      fileText = String(decoding: data, as: UTF8.self)
    }
    let flags: [(String, String?)] = [
      ("board", board), ("pot", pot.map(String.init)), ("stack", stack.map(String.init)), ("oop range", oop),
      ("ip range", ip), ("bets", bets), ("raises", raises), ("allin threshold", allinThreshold.map { "\($0)" }),
      ("raise cap", raiseCap.map(String.init)),
    ]
    for (key, value) in flags {
      if let value { entries.append((key, value)) }
    }
    for item in set {
      guard let colon = item.firstIndex(of: ":") else {
        throw ValidationError("--set: '\(item)' is not 'key: value', such as 'river oop donks: 50%'")
      }
      let key = item[..<colon].lowercased().split(separator: " ").joined(separator: " ")
      entries.append((key, item[item.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
    }
    do {
      if let fileText {
        // The file's lines first, flags after: a later size line of the same key wins, and
        // plain keys are replaced.
        var text = fileText
        for entry in entries { text += "\n\(entry.key): \(entry.value)" }
        return try Spot(parsing: text, path: spot!)
      }
      if entries.isEmpty {
        throw ValidationError("give a spot file or the spot as flags (--board, --pot, --stack, --oop, --ip, --bets)")
      }
      return try Spot(entries: entries)
    } catch let error as SpotError {
      throw CommandError(error)
    }
  }

  /// `0.5%`, `0.5` → 0.5 (percent).
  static func percent(_ text: String, option: String) throws -> Double {
    let number = text.hasSuffix("%") ? String(text.dropLast()) : text
    guard let value = Double(number), value > 0, value.isFinite else {
      throw ValidationError("\(option): '\(text)' is not a positive percentage of the pot, such as 0.5%")
    }
    return value
  }

  /// `4G`, `500M`, `123456` → bytes.
  static func bytes(_ text: String, option: String) throws -> Int {
    let scales: [Character: Double] = ["K": 1024, "M": 1_048_576, "G": 1_073_741_824, "T": 1_099_511_627_776]
    var number = text.uppercased()
    if number.hasSuffix("B") { number.removeLast() }
    var scale = 1.0
    if let last = number.last, let found = scales[last] {
      scale = found
      number.removeLast()
    }
    guard let value = Double(number), value > 0, value * scale < 9e18 else {
      throw ValidationError("\(option): '\(text)' is not a size such as 4G or 500M")
    }
    return Int(value * scale)
  }

  /// 80 % of the machine's memory.
  static func defaultMemory() -> Int {
    Int(Double(ProcessInfo.processInfo.physicalMemory) * 0.8)
  }
}
