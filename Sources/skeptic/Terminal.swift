import Foundation

/// Where progress goes: a live line on a terminal, periodic plain lines otherwise.
enum Terminal {
  static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
  static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

  static func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// `h:mm:ss` or `m:ss`.
  static func clock(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "--:--" }
    let total = Int(seconds.rounded())
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
    return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
  }

  /// A count with thousands separated by commas: `123,156,254`.
  static func grouped(_ count: Int) -> String {
    let digits = String(count.magnitude)
    var result = ""
    for (position, digit) in digits.enumerated() {
      if position > 0 && (digits.count - position) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return (count < 0 ? "-" : "") + result
  }

  /// A bar of `width` cells, `fraction` full.
  static func bar(_ fraction: Double, width: Int = 24) -> String {
    let filled = max(0, min(width, Int((fraction * Double(width)).rounded(.down))))
    return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
  }
}
