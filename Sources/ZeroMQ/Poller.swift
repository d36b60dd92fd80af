import CZeroMQ

/// Waits for sockets to become readable or writable, with a timeout (`zmq_poll`).
public enum Poller {
  /// What to wait for on one socket.
  public struct Events: OptionSet, Sendable, Hashable {
    public let rawValue: Int16
    public init(rawValue: Int16) { self.rawValue = rawValue }
    public static let readable = Events(rawValue: Int16(ZMQ_POLLIN))
    public static let writable = Events(rawValue: Int16(ZMQ_POLLOUT))
  }

  /// Waits up to `timeout` milliseconds (-1: forever) and returns each socket's ready events
  /// (empty where nothing is ready), in the order given.
  public static func poll(_ sockets: [(Socket, Events)], timeout: Int) throws(ZMQError) -> [Events] {
    var items: [zmq_pollitem_t] = []
    for (socket, events) in sockets {
      guard let handle = socket.rawHandle else { throw ZMQError(code: ENOTSOCK, call: "zmq_poll on a closed socket") }
      items.append(zmq_pollitem_t(socket: handle, fd: 0, events: events.rawValue, revents: 0))
    }
    try ZMQError.check("zmq_poll") {
      items.withUnsafeMutableBufferPointer { zmq_poll($0.baseAddress, Int32($0.count), timeout) }
    }
    return items.map { Events(rawValue: $0.revents) }
  }
}
