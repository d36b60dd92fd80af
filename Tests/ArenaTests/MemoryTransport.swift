import Arena
import BotProtocol

/// What an in-memory bot does with a decision.
enum MemoryAnswer {
  /// Answers with this ACPC action text.
  case act(String)
  /// Sends these bytes instead of an answer.
  case frame([UInt8])
  /// Says `leave`.
  case leave
  /// Never answers.
  case silent
  /// Its process exits.
  case exit
}

/// ``MatchTransport`` in memory: each session is a function from a decision to what it does,
/// answers arrive at the next `receive` in the order they were made, and the clock advances by
/// the wait when nothing arrives, so time limits run out without anyone waiting.
struct MemoryTransport: MatchTransport {
  var clock: UInt64 = 1_000_000_000
  let bots: [(Message.Decide) -> MemoryAnswer]
  var seated: [Bool]
  var exited: [Bool]
  /// Sessions whose sends fail (a full or broken socket).
  var unreachable: Set<Int> = []
  /// Every message each session was sent, in order.
  var sent: [[Message]]
  var inbox: [(link: Int, frame: [UInt8])] = []

  init(_ bots: [(Message.Decide) -> MemoryAnswer], seated: [Bool]? = nil) {
    self.bots = bots
    self.seated = seated ?? bots.map { _ in true }
    exited = bots.map { _ in false }
    sent = bots.map { _ in [] }
  }

  func now() -> UInt64 { clock }

  func isSeated(_ link: Int) -> Bool { seated[link] }

  mutating func send(_ frame: [UInt8], to link: Int, mustArrive: Bool) -> Bool {
    guard !unreachable.contains(link), let message = try? Message.decode(frame) else { return false }
    sent[link].append(message)
    guard case .decide(let request) = message else { return true }
    switch bots[link](request) {
    case .act(let text): inbox.append((link, Message.act(.init(id: request.id, action: text)).encoded()))
    case .frame(let bytes): inbox.append((link, bytes))
    case .leave: inbox.append((link, Message.leave(.init(reason: "done")).encoded()))
    case .silent: break
    case .exit: exited[link] = true
    }
    return true
  }

  mutating func receive(timeoutMs: Int) -> [(link: Int, frame: [UInt8])] {
    guard !inbox.isEmpty else {
      clock += UInt64(max(timeoutMs, 1)) * 1_000_000
      return []
    }
    clock += 1_000
    defer { inbox.removeAll() }
    return inbox
  }

  func hasExited(_ link: Int) -> Bool { exited[link] }

  /// The hands whose end session `link` was told.
  func handsEnded(_ link: Int) -> [Int] {
    sent[link].compactMap { if case .handEnd(let end) = $0 { end.hand } else { nil } }
  }

  /// The hands session `link` was asked to decide in.
  func handsDecided(_ link: Int) -> Set<Int> {
    Set(sent[link].compactMap { if case .decide(let request) = $0 { request.hand } else { nil } })
  }
}
