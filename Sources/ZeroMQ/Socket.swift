import CZeroMQ

/// One ZeroMQ socket. Not thread-safe (as in libzmq): make it on the thread that uses it.
/// Sockets close themselves, with linger 0 so that closing never blocks on unsent messages.
public final class Socket {
  /// The socket types Skeptic uses.
  public enum Kind: Int32, Sendable {
    case pair = 0
    case pub = 1
    case sub = 2
    case request = 3
    case reply = 4
    case dealer = 5
    case router = 6
    case pull = 7
    case push = 8
  }

  public let kind: Kind
  let context: Context
  var handle: UnsafeMutableRawPointer?

  public init(_ context: Context, kind: Kind) throws(ZMQError) {
    guard let handle = zmq_socket(context.handle, kind.rawValue) else {
      throw ZMQError(code: zmq_errno(), call: "zmq_socket(\(kind))")
    }
    self.context = context
    self.kind = kind
    self.handle = handle
    try setOption(ZMQ_LINGER, Int32(0))
  }

  deinit { close() }

  /// Closes the socket now (also done on deinit); later calls fail with `ENOTSOCK`.
  public func close() {
    if let handle {
      zmq_close(handle)
      self.handle = nil
    }
  }

  func requireHandle(_ call: String) throws(ZMQError) -> UnsafeMutableRawPointer {
    guard let handle else { throw ZMQError(code: ENOTSOCK, call: "\(call) on a closed socket") }
    return handle
  }

  /// Binds to an endpoint and returns the endpoint actually bound (with the port chosen when
  /// the endpoint ends in `:*`).
  @discardableResult
  public func bind(_ endpoint: String) throws(ZMQError) -> String {
    let handle = try requireHandle("zmq_bind")
    try ZMQError.check("zmq_bind(\(endpoint))") { zmq_bind(handle, endpoint) }
    return try lastEndpoint()
  }

  public func connect(_ endpoint: String) throws(ZMQError) {
    let handle = try requireHandle("zmq_connect")
    try ZMQError.check("zmq_connect(\(endpoint))") { zmq_connect(handle, endpoint) }
  }

  /// The endpoint last bound or connected.
  public func lastEndpoint() throws(ZMQError) -> String {
    let handle = try requireHandle("zmq_getsockopt")
    var buffer = [CChar](repeating: 0, count: 256)
    var size = buffer.count
    try ZMQError.check("zmq_getsockopt(ZMQ_LAST_ENDPOINT)") {
      zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size)
    }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Integer socket options.
  public enum IntegerOption: Sendable {
    /// Milliseconds to keep unsent messages after close (0 here by default).
    case linger
    /// Milliseconds a blocking receive or send waits before failing with `EAGAIN` (-1: forever).
    case receiveTimeout
    case sendTimeout
    /// Messages queued per peer before sends block or drop.
    case sendHighWaterMark
    case receiveHighWaterMark
    /// 1: queue messages only to completed connections.
    case immediate

    var code: Int32 {
      switch self {
      case .linger: ZMQ_LINGER
      case .receiveTimeout: ZMQ_RCVTIMEO
      case .sendTimeout: ZMQ_SNDTIMEO
      case .sendHighWaterMark: ZMQ_SNDHWM
      case .receiveHighWaterMark: ZMQ_RCVHWM
      case .immediate: ZMQ_IMMEDIATE
      }
    }
  }

  /// Byte-string socket options.
  public enum BytesOption: Sendable {
    /// The identity a ROUTER peer sees for this socket.
    case routingID
    /// A SUB socket's topic prefix.
    case subscribe

    var code: Int32 {
      switch self {
      case .routingID: ZMQ_ROUTING_ID
      case .subscribe: ZMQ_SUBSCRIBE
      }
    }
  }

  /// 64-bit integer socket options.
  public enum Integer64Option: Sendable {
    /// The largest message, in bytes, a peer may send; a peer that sends a larger one is
    /// disconnected (-1: no limit).
    case maximumMessageSize

    var code: Int32 {
      switch self {
      case .maximumMessageSize: ZMQ_MAXMSGSIZE
      }
    }
  }

  public func set(_ option: IntegerOption, _ value: Int32) throws(ZMQError) { try setOption(option.code, value) }
  public func set(_ option: Integer64Option, _ value: Int64) throws(ZMQError) {
    let handle = try requireHandle("zmq_setsockopt")
    var value = value
    try ZMQError.check("zmq_setsockopt(\(option.code))") {
      zmq_setsockopt(handle, option.code, &value, MemoryLayout<Int64>.size)
    }
  }
  public func set(_ option: BytesOption, _ value: [UInt8]) throws(ZMQError) { try setOption(option.code, value) }
  public func get(_ option: IntegerOption) throws(ZMQError) -> Int32 { try self.option(option.code) }

  func setOption(_ option: Int32, _ value: Int32) throws(ZMQError) {
    let handle = try requireHandle("zmq_setsockopt")
    var value = value
    try ZMQError.check("zmq_setsockopt(\(option))") {
      zmq_setsockopt(handle, option, &value, MemoryLayout<Int32>.size)
    }
  }

  func setOption(_ option: Int32, _ bytes: [UInt8]) throws(ZMQError) {
    let handle = try requireHandle("zmq_setsockopt")
    try ZMQError.check("zmq_setsockopt(\(option))") {
      bytes.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
    }
  }

  func option(_ option: Int32) throws(ZMQError) -> Int32 {
    let handle = try requireHandle("zmq_getsockopt")
    var value: Int32 = 0
    var size = MemoryLayout<Int32>.size
    try ZMQError.check("zmq_getsockopt(\(option))") { zmq_getsockopt(handle, option, &value, &size) }
    return value
  }

  /// Sends a message of one or more frames.
  ///
  /// - Parameter dontWait: fail with `EAGAIN` instead of blocking when the queue is full.
  public func send(_ frames: [[UInt8]], dontWait: Bool = false) throws(ZMQError) {
    let handle = try requireHandle("zmq_send")
    for (index, frame) in frames.enumerated() {
      var flags: Int32 = index < frames.count - 1 ? ZMQ_SNDMORE : 0
      if dontWait { flags |= ZMQ_DONTWAIT }
      try ZMQError.check("zmq_send") {
        frame.withUnsafeBytes { Int32(truncatingIfNeeded: zmq_send(handle, $0.baseAddress, $0.count, flags)) }
      }
    }
  }

  /// Sends one frame of text.
  public func send(_ text: String, dontWait: Bool = false) throws(ZMQError) {
    try send([Array(text.utf8)], dontWait: dontWait)
  }

  /// Receives a whole message (all its frames).
  ///
  /// - Parameter dontWait: fail with `EAGAIN` when nothing is waiting.
  public func receive(dontWait: Bool = false) throws(ZMQError) -> [[UInt8]] {
    let handle = try requireHandle("zmq_msg_recv")
    var frames: [[UInt8]] = []
    var message = zmq_msg_t()
    zmq_msg_init(&message)
    defer { zmq_msg_close(&message) }
    repeat {
      try ZMQError.check("zmq_msg_recv") { zmq_msg_recv(&message, handle, dontWait ? ZMQ_DONTWAIT : 0) }
      let size = zmq_msg_size(&message)
      let data = zmq_msg_data(&message)
      frames.append(size == 0 ? [] : Array(UnsafeRawBufferPointer(start: data, count: size)))
    } while zmq_msg_more(&message) != 0
    return frames
  }

  /// Receives a whole message if one is waiting, or returns nil at once.
  public func tryReceive() throws(ZMQError) -> [[UInt8]]? {
    do {
      return try receive(dontWait: true)
    } catch {
      if error.isTimeout { return nil }
      throw error
    }
  }

  var rawHandle: UnsafeMutableRawPointer? { handle }
}
