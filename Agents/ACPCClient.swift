import BotProtocol
import Foundation
import PokerRules

#if canImport(Glibc)
  import Glibc
#endif

/// Plays an agent through an ACPC 2.0.0 dealer: a TCP text protocol where the dealer sends
/// `MATCHSTATE:…` lines and the client answers, on its turn, with the same state followed by
/// `:<action>`. Lines end in `\r\n`; the client's first line is `VERSION:2.0.0`.
public struct ACPCClient {
  public let host: String
  public let port: UInt16
  public let game: GameDefinition

  public init(host: String, port: UInt16, game: GameDefinition) {
    self.host = host
    self.port = port
    self.game = game
  }

  /// What a finished session saw.
  public struct Summary: Sendable, Hashable {
    public var states = 0
    public var actions = 0
  }

  /// Connects, plays until the dealer closes the connection, and returns what it did.
  public func run(_ agent: inout some Agent) throws(AgentError) -> Summary {
    var hints = addrinfo()
    hints.ai_family = AF_INET
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var result: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, String(port), &hints, &result) == 0, let address = result else {
      throw AgentError("cannot resolve \(host):\(port)")
    }
    defer { freeaddrinfo(result) }
    let descriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
    guard descriptor >= 0 else { throw AgentError("cannot create a socket: \(String(cString: strerror(errno)))") }
    defer { close(descriptor) }
    guard connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 else {
      throw AgentError("cannot connect to the ACPC dealer at \(host):\(port): \(String(cString: strerror(errno)))")
    }
    func send(_ line: String) throws(AgentError) {
      let bytes = Array((line + "\r\n").utf8)
      var sent = 0
      while sent < bytes.count {
        let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { throw AgentError("the connection to the dealer failed while sending") }
        sent += count
      }
    }
    try send("VERSION:2.0.0")
    var summary = Summary()
    var buffer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return summary }
      buffer += chunk[0..<count]
      while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: buffer[..<newline], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        buffer.removeSubrange(...newline)
        guard line.hasPrefix("MATCHSTATE:") else { continue }
        summary.states += 1
        if let action = respond(to: line, agent: &agent) {
          try send(line + ":" + action)
          summary.actions += 1
        }
      }
    }
  }

  /// The action text for a match state when it is this client's turn, nil otherwise.
  public func respond(to line: String, agent: inout some Agent) -> String? {
    guard let view = try? MatchState(parsing: line, game: game), let (state, _) = try? view.replay(game: game),
      state.isDecisionNode, state.currentPlayer == view.position, let legal = state.legalActions
    else { return nil }
    let decision = Message.Decide(
      id: view.handNumber &* 1_000 &+ view.actions.joined().count, hand: view.handNumber, matchState: line,
      seat: view.position,
      legal: .init(
        fold: legal.canFold, call: legal.callAmount, raise: legal.raiseTo.map { [$0.lowerBound, $0.upperBound] }),
      pot: state.pot, stacks: (0..<game.numPlayers).map { state.stackLeft($0) }, timeLeftMs: 0)
    return agent.act(decision, view: view, game: game).acpc(withSize: game.betting == .noLimit)
  }
}
