import CZeroMQ

/// A ZeroMQ context: the I/O threads behind every socket made from it. Thread-safe; sockets keep
/// their context alive, and it is terminated when the last of them is gone.
public final class Context: @unchecked Sendable {
  // libzmq documents contexts as thread-safe, which is why sharing this pointer is sound.
  let handle: UnsafeMutableRawPointer

  public init() throws(ZMQError) {
    guard let handle = zmq_ctx_new() else { throw ZMQError(code: zmq_errno(), call: "zmq_ctx_new") }
    self.handle = handle
  }

  deinit {
    // Every socket has closed (each holds a reference), and they close with linger 0, so this
    // cannot wait on unsent messages.
    while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
  }

  /// The libzmq version, such as "4.3.4".
  public static var version: String {
    var major: Int32 = 0
    var minor: Int32 = 0
    var patch: Int32 = 0
    zmq_version(&major, &minor, &patch)
    return "\(major).\(minor).\(patch)"
  }
}
