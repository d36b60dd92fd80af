import BotProtocol
import Foundation
import ZeroMQ

/// The arena's ROUTER socket and the bots connected to it, by name.
public final class Connection {
  let context: Context
  let router: Socket
  public let endpoint: String
  /// Each registered bot's ZeroMQ identity.
  var identities: [String: [UInt8]] = [:]
  /// Processes the arena launched, by bot name, to notice one that died.
  var processes: [String: Process] = [:]
  /// How many hands each registered bot accepts in flight (granted in its welcome).
  var inFlight: [String: Int] = [:]
  /// The most hands the arena keeps in flight with one bot.
  public static let maximumInFlight = 256

  public init(listen: String) throws(ZMQError) {
    context = try Context()
    router = try Socket(context, kind: .router)
    endpoint = try router.bind(listen)
  }

  /// Waits for `names` to say hello (up to `timeoutMs`), welcoming each; refuses other versions
  /// or games with a reason. Each bot is granted the smaller of the hands in flight it asked for
  /// and `welcome.inFlight` (the arena's limit). Returns the names that did not arrive.
  func register(_ names: Set<String>, game: String, welcome: Message.Welcome, timeoutMs: Int) throws(ZMQError) -> Set<
    String
  > {
    var missing = names
    let deadline = Date().addingTimeInterval(Double(timeoutMs) / 1000)
    while !missing.isEmpty {
      let left = Int(deadline.timeIntervalSinceNow * 1000)
      if left <= 0 { break }
      guard try Poller.poll([(router, .readable)], timeout: left) == [.readable] else { break }
      let frames = try router.receive()
      guard frames.count >= 2, case .hello(let hello)? = try? Message.decode(frames.last!) else { continue }
      if !hello.protocols.contains(where: Message.versions.contains) {
        try router.send([
          frames[0], Message.refused(.init(reason: "protocols \(hello.protocols) are not spoken here")).encoded(),
        ])
      } else if hello.game.lowercased() != game.lowercased() {
        try router.send([
          frames[0], Message.refused(.init(reason: "this arena plays \(game), not \(hello.game)")).encoded(),
        ])
      } else if missing.contains(hello.name) {
        identities[hello.name] = frames[0]
        missing.remove(hello.name)
        var granted = welcome
        granted.inFlight = min(max(hello.inFlight, 1), max(welcome.inFlight, 1), Connection.maximumInFlight)
        inFlight[hello.name] = granted.inFlight
        try router.send([frames[0], Message.welcome(granted).encoded()])
      }
    }
    return missing
  }

  /// Collects `notes` messages for up to `timeoutMs`, or until every launched bot has exited.
  func collectNotes(timeoutMs: Int) -> [String: [String]] {
    var notes: [String: [String]] = [:]
    let names = Dictionary(uniqueKeysWithValues: identities.map { ($0.value, $0.key) })
    let deadline = Date().addingTimeInterval(Double(timeoutMs) / 1000)
    while Date() < deadline {
      if !processes.isEmpty && processes.values.allSatisfy({ !$0.isRunning }) {
        // Everything they sent is already queued; drain it without waiting.
        guard let ready = try? Poller.poll([(router, .readable)], timeout: 0), ready == [.readable] else { break }
      }
      guard let ready = try? Poller.poll([(router, .readable)], timeout: 20), ready == [.readable],
        let frames = try? router.receive(), frames.count >= 2
      else { continue }
      if case .notes(let message)? = try? Message.decode(frames.last!), let name = names[frames[0]] {
        notes[name, default: []] += message.lines
      }
    }
    return notes
  }

  func send(_ name: String, _ message: Message) {
    guard let identity = identities[name] else { return }
    try? router.send([identity, message.encoded()], dontWait: true)
  }
}
