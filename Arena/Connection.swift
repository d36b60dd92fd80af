import BotProtocol
import Foundation
import ZeroMQ

/// The arena's ROUTER socket and the bot sessions seated at it.
///
/// A seat is taken by a `hello` with the seat's name and secret: a bot the arena started is given
/// its secret in its environment; a remote bot's secret is in the match folder's
/// `seats/NAME.secret`, for its author. Anything else is answered
/// with `refused` and a reason, and a peer that holds no seat may send only
/// ``strangerBudget`` bytes before the arena stops reading what it sends.
public final class Connection {
  let context: Context
  let router: Socket
  public let endpoint: String
  /// Each seated session's ZeroMQ identity.
  var identities: [Seat: [UInt8]] = [:]
  /// How many hands each seated session accepts in flight (granted in its welcome).
  var inFlight: [Seat: Int] = [:]
  /// Seats held for processes the arena started, by the secret each process was given.
  var secrets: [String: Seat] = [:]
  /// Processes the arena started, by seat, to notice one that died.
  var processes: [Seat: Process] = [:]
  /// The secret of each remote seat, by name: a remote bot takes its seat with its name and it.
  var remoteSecrets: [String: String] = [:]
  var remoteNames: Set<String> { Set(remoteSecrets.keys) }
  /// Bytes read from peers that hold no seat.
  var strangerBytes: [[UInt8]: Int] = [:]
  /// Why each refused `hello` was refused, in order (for the report).
  public private(set) var refusals: [String] = []
  /// The game bots must say in `hello`, and the welcome each seated session is sent.
  var game = ""
  var welcome = Message.Welcome(protocolVersion: 1, gameDefinition: "", hands: 0, actionTimeMs: 0)

  /// The most hands the arena keeps in flight with one bot.
  public static let maximumInFlight = 256
  /// The largest message a bot may send; ZeroMQ disconnects a peer that sends a larger one.
  public static let maximumMessageBytes: Int64 = 1 << 16
  /// What a peer without a seat may send in all before the arena reads no more of it.
  public static let strangerBudget = 1 << 16

  public init(listen: String) throws(ZMQError) {
    context = try Context()
    router = try Socket(context, kind: .router)
    try router.set(.maximumMessageSize, Connection.maximumMessageBytes)
    endpoint = try router.bind(listen)
  }

  /// Waits up to `timeoutMs` for `seats` to be taken, welcoming each (granting the smaller of the
  /// hands in flight it asked for and ``welcome``'s). Stops early when every seat still
  /// missing belongs to a process that has exited. Returns the seats not taken.
  func register(_ seats: Set<Seat>, timeoutMs: Int) throws(ZMQError) -> Set<Seat> {
    var missing = seats.subtracting(identities.keys)
    let deadline = Date().addingTimeInterval(Double(timeoutMs) / 1000)
    while !missing.isEmpty {
      let left = Int(deadline.timeIntervalSinceNow * 1000)
      if left <= 0 { break }
      if missing.allSatisfy({ processes[$0].map { !$0.isRunning } ?? false }) { break }
      guard try Poller.poll([(router, .readable)], timeout: min(left, 100)) == [.readable] else { continue }
      while let frames = try router.tryReceive() {
        if let seat = admit(frames, waiting: missing) { missing.remove(seat) }
      }
    }
    return missing
  }

  /// Reads a frame from a peer that holds no seat: a `hello` that may take one of `waiting` is
  /// welcomed and its seat returned; any other `hello` is refused with the reason; anything
  /// else is dropped (and, past the budget, not even read).
  func admit(_ frames: [[UInt8]], waiting: Set<Seat>) -> Seat? {
    guard frames.count >= 2, let frame = frames.last else { return nil }
    let identity = frames[0]
    if identities.values.contains(identity) { return nil }
    let spent = strangerBytes[identity, default: 0]
    guard spent <= Connection.strangerBudget else { return nil }
    strangerBytes[identity] = spent + frame.count
    guard case .hello(let hello)? = try? Message.decode(frame) else { return nil }
    func refuse(_ reason: String) -> Seat? {
      refusals.append("\(hello.name): \(reason)")
      try? router.send([identity, Message.refused(.init(reason: reason)).encoded()], dontWait: true)
      return nil
    }
    guard hello.protocols.contains(where: Message.versions.contains) else {
      return refuse("protocols \(hello.protocols) are not spoken here")
    }
    guard hello.game.lowercased() == game.lowercased() else {
      return refuse("this arena plays \(game), not \(hello.game)")
    }
    let seat: Seat
    if let secret = hello.secret, let held = secrets[secret] {
      guard held.name == hello.name else { return refuse("that secret does not hold seat \(hello.name)") }
      guard waiting.contains(held) else { return refuse("seat \(hello.name) is taken") }
      seat = held
    } else if let expected = remoteSecrets[hello.name] {
      guard hello.secret == expected else {
        return refuse(
          hello.secret == nil
            ? "seat \(hello.name) needs its secret in hello (the arena wrote it to seats/\(hello.name).secret in its match folder)"
            : "wrong secret for seat \(hello.name)")
      }
      let free = waiting.filter { $0.name == hello.name }.min { $0.table < $1.table }
      guard let free else { return refuse("seat \(hello.name) is taken") }
      seat = free
    } else if secrets.values.contains(where: { $0.name == hello.name }) {
      return refuse("seat \(hello.name) is held for a bot this arena started")
    } else {
      return refuse(
        "there is no seat \(hello.name) (the remote seats are \(remoteNames.sorted().joined(separator: ", ")))")
    }
    identities[seat] = identity
    strangerBytes[identity] = nil
    var granted = welcome
    granted.inFlight = min(max(hello.inFlight, 1), max(welcome.inFlight, 1), Connection.maximumInFlight)
    inFlight[seat] = granted.inFlight
    try? router.send([identity, Message.welcome(granted).encoded()])
    return seat
  }

  /// Collects `notes` from `seats` for up to `timeoutMs`, or until every one of their processes
  /// has exited (remote seats: until the time is up or each has sent its notes).
  func collectNotes(from seats: [Seat], timeoutMs: Int) -> [Seat: [String]] {
    var notes: [Seat: [String]] = [:]
    var seatOf: [[UInt8]: Seat] = [:]
    for seat in seats { if let identity = identities[seat] { seatOf[identity] = seat } }
    let launched = seats.compactMap { processes[$0] }
    let deadline = Date().addingTimeInterval(Double(timeoutMs) / 1000)
    while Date() < deadline {
      let exited = launched.count == seats.count && launched.allSatisfy { !$0.isRunning }
      if exited || (launched.isEmpty && notes.count == seats.count) {
        // Everything they sent is already queued; drain it without waiting.
        guard let ready = try? Poller.poll([(router, .readable)], timeout: 0), ready == [.readable] else { break }
      }
      guard let ready = try? Poller.poll([(router, .readable)], timeout: 20), ready == [.readable],
        let frames = try? router.receive(), frames.count >= 2
      else { continue }
      if case .notes(let message)? = try? Message.decode(frames.last!), let seat = seatOf[frames[0]] {
        notes[seat, default: []] += message.lines
      }
    }
    return notes
  }

  /// Tells `seat` the match (or its pair) is over.
  func send(_ seat: Seat, _ message: Message) {
    guard let identity = identities[seat] else { return }
    try? router.send([identity, message.encoded()], dontWait: true)
  }

  /// Forgets a session: its process's seat after its pair, or a remote bot that left.
  func release(_ seat: Seat) {
    identities[seat] = nil
    inFlight[seat] = nil
    processes[seat] = nil
    secrets = secrets.filter { $0.value != seat }
  }
}
