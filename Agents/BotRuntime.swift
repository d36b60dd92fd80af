import BotProtocol
import Foundation
import PokerRules
import ZeroMQ

/// Runs one agent against an arena: connects a DEALER socket, says hello, answers every
/// decision, and returns when the match ends. Blocking; run it on its own thread.
public struct BotRuntime {
  public let endpoint: String
  public let name: String
  public let game: String
  /// How long to wait for the arena before giving up, in milliseconds.
  public var idleTimeoutMs = 120_000
  /// The seat's secret, when the arena started this bot (it claims the seat with it).
  public var secret: String?
  /// The arena's process id, when the arena started this bot: the bot exits as soon as that
  /// process is no longer its parent (the arena was killed).
  public var arenaProcess: Int32?
  /// Told once when the arena has not answered the hello within 2 s (to say it is waiting).
  public var waiting: ((String) -> Void)?

  public init(endpoint: String, name: String, game: String) {
    self.endpoint = endpoint
    self.name = name
    self.game = game
  }

  /// What a finished run saw.
  public struct Summary: Sendable, Hashable {
    public var decisions = 0
    public var hands = 0
    public var total = 0.0
    public var endReason = ""
  }

  public func run(_ agent: inout some Agent) throws(AgentError) -> Summary {
    do {
      let context = try Context()
      let socket = try Socket(context, kind: .dealer)
      try socket.connect(endpoint)
      try socket.send([Message.hello(.init(name: name, game: game, inFlight: agent.inFlight, secret: secret)).encoded()]
      )
      var definition: GameDefinition?
      var summary = Summary()
      // Answers wait here while the queue is drained and then go out together, so that
      // ZeroMQ's I/O thread is woken once per batch rather than once per answer. A slow agent
      // does not hold answers back: an answer that took over 100 µs to find, or a batch whose
      // first answer is a millisecond old, goes out at once.
      var outbox: [[UInt8]] = []
      var oldestQueued: UInt64 = 0
      // With one hand in flight there is never a second answer to batch with.
      var granted = 1
      func sendOutbox() throws(ZMQError) {
        for frame in outbox { try socket.send([frame]) }
        outbox.removeAll(keepingCapacity: true)
      }
      func queue(_ frame: [UInt8], startedAt started: UInt64) throws(ZMQError) {
        let now = DispatchTime.now().uptimeNanoseconds
        if outbox.isEmpty { oldestQueued = started }
        outbox.append(frame)
        if granted <= 1 || now &- started > 100_000 || now &- oldestQueued > 1_000_000 { try sendOutbox() }
      }
      while true {
        try sendOutbox()
        try waitForArena(socket, welcomed: definition != nil)
        while let frames = try socket.tryReceive() {
          guard let frame = frames.last else { continue }
          let message: Message
          do { message = try Message.decode(frame) } catch {
            throw AgentError("the arena sent a message this bot cannot read: \(error)")
          }
          switch message {
          case .welcome(let welcome):
            granted = welcome.inFlight
            do {
              definition = try GameDefinition(parsing: welcome.gameDefinition, source: "the arena's game definition")
            } catch {
              throw AgentError("\(error)")
            }
          case .refused(let refused):
            throw AgentError("the arena refused this bot: \(refused.reason) (it speaks protocols \(refused.protocols))")
          case .decide(let decide):
            guard let definition else { throw AgentError("the arena asked for a decision before welcoming this bot") }
            let started = DispatchTime.now().uptimeNanoseconds
            switch agent.override(decide) {
            case .text(let text):
              summary.decisions += 1
              try queue(Message.act(.init(id: decide.id, action: text)).encoded(), startedAt: started)
              continue
            case .exit:
              try sendOutbox()
              exit(3)
            case nil:
              break
            }
            let action = agent.answer(decide, game: definition)
            summary.decisions += 1
            let text = action.acpc(withSize: definition.betting == .noLimit)
            try queue(Message.act(.init(id: decide.id, action: text)).encoded(), startedAt: started)
            if agent.wantsToLeave {
              outbox.append(Message.leave(.init(reason: "left the match")).encoded())
              try sendOutbox()
              summary.endReason = "left the match"
              return summary
            }
          case .handEnd(let end):
            if let definition { agent.handEnded(end, game: definition) }
            summary.hands += 1
            if end.payoffs.indices.contains(end.seat) { summary.total += end.payoffs[end.seat] }
            if agent.wantsToLeave {
              outbox.append(Message.leave(.init(reason: "left the match")).encoded())
              try sendOutbox()
              summary.endReason = "left the match"
              return summary
            }
          case .matchEnd(let end):
            try sendOutbox()
            summary.endReason = end.reason
            let notes = agent.notes()
            if !notes.isEmpty { try socket.send([Message.notes(.init(lines: notes)).encoded()]) }
            return summary
          case .hello, .act, .notes, .leave:
            continue
          }
        }
      }
    } catch let error as AgentError {
      throw error
    } catch {
      throw AgentError("\(error)")
    }
  }
}

extension BotRuntime {
  /// Waits until the arena sends something: up to ``idleTimeoutMs``, and only while the arena
  /// that started this bot (if one did) is still its parent.
  func waitForArena(_ socket: Socket, welcomed: Bool) throws(AgentError) {
    let start = DispatchTime.now().uptimeNanoseconds
    let deadline = start + UInt64(idleTimeoutMs) * 1_000_000
    var told = welcomed || waiting == nil
    while true {
      let now = DispatchTime.now().uptimeNanoseconds
      guard now < deadline else {
        throw AgentError(
          welcomed
            ? "no message from the arena at \(endpoint) for \(idleTimeoutMs / 1000) s; giving up"
            : "no arena answered at \(endpoint) within \(idleTimeoutMs / 1000) s; giving up (is the address right, and is the arena running?)"
        )
      }
      if !told && now - start > 2_000_000_000 {
        told = true
        waiting?("waiting for the arena at \(endpoint) (up to \(idleTimeoutMs / 1000) s)…")
      }
      let slice = Int(min((deadline - now) / 1_000_000 + 1, arenaProcess == nil && told ? UInt64(idleTimeoutMs) : 250))
      let ready: Bool
      do { ready = try Poller.poll([(socket, .readable)], timeout: slice) == [.readable] } catch {
        throw AgentError("\(error)")
      }
      if ready { return }
      if let arenaProcess, getppid() != arenaProcess {
        throw AgentError("the arena that started this bot (process \(arenaProcess)) is gone; exiting")
      }
    }
  }
}
