import Agents
import Foundation
import PokerRules
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A fake ACPC dealer: listens on a free port, sends the given lines one by one, and collects
/// what the client sends back.
final class FakeDealer: @unchecked Sendable {
  let listener: Int32
  let port: UInt16

  init() {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = bind(descriptor, $0, length) }
    }
    listen(descriptor, 1)
    withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(descriptor, $0, &length) }
    }
    listener = descriptor
    port = UInt16(bigEndian: address.sin_port)
  }

  deinit { close(listener) }

  /// Serves one client: reads its version line, then for each state sends it and, when `expectReply`
  /// is true, reads one line back.
  func serve(_ script: [(state: String, expectReply: Bool)]) -> [String] {
    let client = accept(listener, nil, nil)
    defer { close(client) }
    var buffer: [UInt8] = []
    func readLine() -> String? {
      var byte: UInt8 = 0
      while recv(client, &byte, 1, 0) == 1 {
        if byte == UInt8(ascii: "\n") {
          defer { buffer = [] }
          return String(decoding: buffer, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        buffer.append(byte)
      }
      return nil
    }
    var received: [String] = []
    if let version = readLine() { received.append(version) }
    for (state, expectReply) in script {
      let line = Array((state + "\r\n").utf8)
      _ = line.withUnsafeBytes { send(client, $0.baseAddress, $0.count, 0) }
      if expectReply, let reply = readLine() { received.append(reply) }
    }
    return received
  }
}

@Suite struct ACPCClientTests {
  @Test func answersOnItsTurnsInACPCForm() throws {
    let dealer = FakeDealer()
    let script: [(String, Bool)] = [
      ("MATCHSTATE:0:0::Qh|", true), ("MATCHSTATE:0:0:r:Qh|", false), ("MATCHSTATE:0:0:rr:Qh|", true),
      ("MATCHSTATE:0:0:rrc/:Qh|/As", true), ("MATCHSTATE:0:0:rrc/c:Qh|/As", false),
      ("MATCHSTATE:0:0:rrc/cc:Qh|Ks/As", false),
    ]
    final class Box: @unchecked Sendable { var lines: [String] = [] }
    let box = Box()
    let server = Thread { box.lines = dealer.serve(script) }
    server.start()
    var agent = CallAgent()
    let summary = try ACPCClient(host: "127.0.0.1", port: dealer.port, game: BundledGame.leduc.definition).run(&agent)
    while server.isExecuting { Thread.sleep(forTimeInterval: 0.01) }
    #expect(
      box.lines == [
        "VERSION:2.0.0", "MATCHSTATE:0:0::Qh|:c", "MATCHSTATE:0:0:rr:Qh|:c", "MATCHSTATE:0:0:rrc/:Qh|/As:c",
      ])
    #expect(summary.states == 6 && summary.actions == 3)
  }
}
