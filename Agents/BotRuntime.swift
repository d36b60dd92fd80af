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
      try socket.send([Message.hello(.init(name: name, game: game, inFlight: agent.inFlight)).encoded()])
      var definition: GameDefinition?
      var summary = Summary()
      while true {
        guard try Poller.poll([(socket, .readable)], timeout: idleTimeoutMs) == [.readable] else {
          throw AgentError("no message from the arena at \(endpoint) for \(idleTimeoutMs / 1000) s; giving up")
        }
        while let frames = try socket.tryReceive() {
          guard let frame = frames.last else { continue }
          let message: Message
          do { message = try Message.decode(frame) } catch {
            throw AgentError("the arena sent a message this bot cannot read: \(error)")
          }
          switch message {
          case .welcome(let welcome):
            do {
              definition = try GameDefinition(parsing: welcome.gameDefinition, source: "the arena's game definition")
            } catch {
              throw AgentError("\(error)")
            }
          case .refused(let refused):
            throw AgentError("the arena refused this bot: \(refused.reason) (it speaks protocols \(refused.protocols))")
          case .decide(let decide):
            guard let definition else { throw AgentError("the arena asked for a decision before welcoming this bot") }
            switch agent.override(decide) {
            case .text(let text):
              summary.decisions += 1
              try socket.send([Message.act(.init(id: decide.id, action: text)).encoded()])
              continue
            case .exit:
              exit(3)
            case nil:
              break
            }
            let action = agent.answer(decide, game: definition)
            summary.decisions += 1
            let text = action.acpc(withSize: definition.betting == .noLimit)
            try socket.send([Message.act(.init(id: decide.id, action: text)).encoded()])
            if agent.wantsToLeave {
              summary.endReason = "left the match"
              return summary
            }
          case .handEnd(let end):
            if let definition { agent.handEnded(end, game: definition) }
            summary.hands += 1
            if end.payoffs.indices.contains(end.seat) { summary.total += end.payoffs[end.seat] }
            if agent.wantsToLeave {
              summary.endReason = "left the match"
              return summary
            }
          case .matchEnd(let end):
            summary.endReason = end.reason
            let notes = agent.notes()
            if !notes.isEmpty { try socket.send([Message.notes(.init(lines: notes)).encoded()]) }
            return summary
          case .hello, .act, .notes:
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
