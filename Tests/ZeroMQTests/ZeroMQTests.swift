import Foundation
import Testing
import ZeroMQ

@Suite struct ZeroMQTests {
  @Test func routerAndDealerExchangeMultipartMessages() throws {
    let context = try Context()
    let router = try Socket(context, kind: .router)
    let endpoint = try router.bind("inproc://router-dealer-\(UUID().uuidString)")
    let dealer = try Socket(context, kind: .dealer)
    try dealer.set(.routingID, Array("bot-1".utf8))
    try dealer.connect(endpoint)
    try dealer.send([Array("hello".utf8), Array("v1".utf8)])
    let received = try router.receive()
    #expect(received.count == 3)
    #expect(received[0] == Array("bot-1".utf8))
    #expect(received[1] == Array("hello".utf8) && received[2] == Array("v1".utf8))
    try router.send([received[0], Array("welcome".utf8), []])
    let reply = try dealer.receive()
    #expect(reply == [Array("welcome".utf8), []])
  }

  @Test func tcpOnAPortTheSystemChooses() throws {
    let context = try Context()
    let router = try Socket(context, kind: .router)
    let endpoint = try router.bind("tcp://127.0.0.1:*")
    #expect(endpoint.hasPrefix("tcp://127.0.0.1:") && !endpoint.hasSuffix(":*"))
    let dealer = try Socket(context, kind: .dealer)
    try dealer.connect(endpoint)
    try dealer.send("ping")
    let ready = try Poller.poll([(router, .readable)], timeout: 5_000)
    #expect(ready == [.readable])
    let message = try router.receive()
    #expect(message.last == Array("ping".utf8))
  }

  /// A hang fails the test by its time limit; no wall-clock figure is asserted.
  @Test(.timeLimit(.minutes(1))) func pollAndReceiveTimeOutInsteadOfHanging() throws {
    let context = try Context()
    let router = try Socket(context, kind: .router)
    try router.bind("inproc://quiet-\(UUID().uuidString)")
    #expect(try Poller.poll([(router, .readable)], timeout: 50) == [[]])
    do {
      _ = try router.receive(dontWait: true)
      Issue.record("a receive with nothing waiting returned")
    } catch {
      #expect(error.isTimeout)
      #expect(error.call == "zmq_msg_recv")
    }
    try router.set(.receiveTimeout, 30)
    #expect(try router.get(.receiveTimeout) == 30)
    #expect(try router.get(.linger) == 0)
    #expect(throws: ZMQError.self) { try router.receive() }
  }

  @Test func errorsNameTheCallAndTheCode() throws {
    let context = try Context()
    let socket = try Socket(context, kind: .dealer)
    do {
      try socket.bind("nonsense://here")
      Issue.record("a bad endpoint was accepted")
    } catch {
      #expect(error.call == "zmq_bind(nonsense://here)")
      #expect(error.code != 0)
      #expect(error.description.contains("zmq_bind(nonsense://here) failed"))
    }
    socket.close()
    #expect(throws: ZMQError.self) { try socket.send("late") }
  }

  @Test(.timeLimit(.minutes(1))) func closingWithUnsentMessagesDoesNotHang() throws {
    do {
      let context = try Context()
      let dealer = try Socket(context, kind: .dealer)
      // Nobody listens: the message stays queued; linger 0 drops it at close.
      try dealer.connect("tcp://127.0.0.1:1")
      try dealer.send("never delivered", dontWait: true)
    }
    #expect(!Context.version.isEmpty)
  }
}
