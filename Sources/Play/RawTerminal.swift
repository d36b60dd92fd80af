import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The terminal in raw mode, on the alternate screen, restored on every way out: normal return,
/// `q`, Ctrl-C (read as a key, since raw mode turns signals off), and SIGTERM or SIGHUP from
/// outside. Notices window resizes (SIGWINCH).
final class RawTerminal {
  /// Whether standard input and output are both terminals (raw mode needs both).
  static var available: Bool { isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 }

  init() {
    var original = termios()
    tcgetattr(STDIN_FILENO, &original)
    RawTerminal.saved = original
    var raw = original
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
    raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
    withUnsafeMutableBytes(of: &raw.c_cc) { cc in
      cc[Int(VMIN)] = 1
      cc[Int(VTIME)] = 0
    }
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
    signal(SIGWINCH) { _ in RawTerminal.resized = 1 }
    for caught in [SIGTERM, SIGHUP, SIGQUIT] {
      signal(caught) { number in
        RawTerminal.restoreNow()
        _exit(128 + number)
      }
    }
    RawTerminal.write("\u{1B}[?1049h\u{1B}[?25l")
  }

  deinit { restore() }

  /// Leaves raw mode and the alternate screen (safe to call more than once).
  func restore() { RawTerminal.restoreNow() }

  nonisolated(unsafe) static var saved: termios?
  nonisolated(unsafe) static var resized: sig_atomic_t = 0

  static func restoreNow() {
    guard var original = saved else { return }
    saved = nil
    write("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l")
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
  }

  static func write(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes {
        Glibc.write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset)
      }
      if written <= 0 { return }
      offset += written
    }
  }

  /// The window's columns and rows (80 × 24 when unknown).
  var size: (width: Int, height: Int) {
    var window = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0, window.ws_row > 0 {
      return (Int(window.ws_col), Int(window.ws_row))
    }
    return (80, 24)
  }

  /// Whether the window changed size since the last call.
  func takeResize() -> Bool {
    if RawTerminal.resized == 0 { return false }
    RawTerminal.resized = 0
    return true
  }

  /// What reading a key gave.
  enum Input: Equatable {
    case byte(UInt8)
    /// Nothing within the timeout.
    case none
    /// Standard input closed.
    case end
  }

  /// One byte of input, waiting up to `timeoutMs`.
  func read(timeoutMs: Int32) -> Input {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, timeoutMs)
    if ready == 0 || ready < 0 && errno == EINTR { return .none }
    var byte: UInt8 = 0
    let count = Glibc.read(STDIN_FILENO, &byte, 1)
    if count == 1 { return .byte(byte) }
    if count < 0 && (errno == EINTR || errno == EAGAIN) { return .none }
    return .end
  }

  /// Draws `lines` over the whole screen.
  func draw(_ lines: [String]) {
    RawTerminal.write("\u{1B}[H\u{1B}[2J" + lines.joined(separator: "\r\n"))
  }
}
