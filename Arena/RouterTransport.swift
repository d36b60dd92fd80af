import BotProtocol
import Dispatch
import Foundation
import ZeroMQ

/// ``MatchTransport`` over the arena's ROUTER socket: sessions are seats, reached by their
/// ZeroMQ identities; a frame from a peer that holds no seat goes to ``Connection/admit(_:waiting:)``
/// (refused or dropped), and a process the arena started is watched for exiting.
struct RouterTransport: MatchTransport {
  let connection: Connection
  /// Each session's identity, empty for a seat never taken.
  let identityOf: [[UInt8]]
  var linkOf: [[UInt8]: Int] = [:]
  let processes: [Process?]

  init(connection: Connection, sessions: [Seat]) {
    self.connection = connection
    identityOf = sessions.map { connection.identities[$0] ?? [] }
    for (link, identity) in identityOf.enumerated() where !identity.isEmpty { linkOf[identity] = link }
    processes = sessions.map { connection.processes[$0] }
  }

  func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

  func isSeated(_ link: Int) -> Bool { !identityOf[link].isEmpty }

  func send(_ frame: [UInt8], to link: Int, mustArrive: Bool) -> Bool {
    do {
      try connection.router.send([identityOf[link], frame], dontWait: !mustArrive)
      return true
    } catch {
      return false
    }
  }

  func receive(timeoutMs: Int) -> [(link: Int, frame: [UInt8])] {
    let router = connection.router
    guard (try? Poller.poll([(router, .readable)], timeout: timeoutMs)) == [.readable] else { return [] }
    var arrived: [(link: Int, frame: [UInt8])] = []
    while let frames = try? router.tryReceive() {
      guard frames.count >= 2, let from = linkOf[frames[0]] else {
        _ = connection.admit(frames, waiting: [])
        continue
      }
      arrived.append((from, frames.last!))
    }
    return arrived
  }

  func hasExited(_ link: Int) -> Bool { processes[link].map { !$0.isRunning } ?? false }
}
