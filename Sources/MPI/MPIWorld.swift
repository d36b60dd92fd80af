import CMPI
import Foundation

/// The processes of one MPI job (`mpirun -np R …`), seen from one of them: its rank, the job's
/// size, and the few collective operations Skeptic needs, every one called from the main thread.
///
/// Open MPI's library is opened only when the process was started by mpirun, so a run outside
/// mpirun (``joinIfLaunched(environment:)`` returns nil) never loads it and needs no MPI
/// installed. Every failed call throws ``MPIError`` with the call's name and MPI's own words.
public final class MPIWorld: @unchecked Sendable {
  /// This process's rank, 0 ..< ``size``.
  public let rank: Int
  /// The number of processes in the job.
  public let size: Int
  private var mpi: skeptic_mpi
  private var finished = false

  /// Whether the environment shows a process started by mpirun (Open MPI's launcher sets
  /// `OMPI_COMM_WORLD_SIZE` in each rank).
  public static func isLaunched(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    environment["OMPI_COMM_WORLD_SIZE"] != nil
  }

  /// Joins the job when this process was started by mpirun (initialising MPI); nil otherwise.
  public static func joinIfLaunched(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(MPIError) -> MPIWorld? {
    guard isLaunched(environment: environment) else { return nil }
    var mpi = skeptic_mpi()
    if let missing = skeptic_mpi_load(&mpi) {
      throw MPIError(
        .unavailable,
        "started by mpirun, but \(String(cString: missing)) could not be loaded: install Open MPI (openmpi-bin, libopenmpi-dev)"
      )
    }
    var provided: Int32 = 0
    try check(mpi, mpi.init_thread!(nil, nil, skeptic_mpi_thread_funneled, &provided), "MPI_Init_thread")
    var rank: Int32 = 0
    var size: Int32 = 0
    try check(mpi, mpi.comm_rank!(mpi.comm_world, &rank), "MPI_Comm_rank")
    try check(mpi, mpi.comm_size!(mpi.comm_world, &size), "MPI_Comm_size")
    return MPIWorld(mpi: mpi, rank: Int(rank), size: Int(size))
  }

  private init(mpi: skeptic_mpi, rank: Int, size: Int) {
    self.mpi = mpi
    self.rank = rank
    self.size = size
  }

  /// Every process's bytes, concatenated in rank order, on every process (`MPI_Allgatherv`).
  public func allGather(_ bytes: UnsafeRawBufferPointer) throws(MPIError) -> [UInt8] {
    guard bytes.count <= Int(Int32.max) else {
      throw MPIError(.tooLarge, "MPI_Allgatherv: \(bytes.count) bytes from one process; at most \(Int32.max)")
    }
    var mine = Int32(bytes.count)
    var counts = [Int32](repeating: 0, count: size)
    let counted = counts.withUnsafeMutableBytes { counts in
      mpi.allgather!(&mine, 1, mpi.type_int, counts.baseAddress, 1, mpi.type_int, mpi.comm_world)
    }
    try Self.check(mpi, counted, "MPI_Allgather")
    let total = counts.reduce(0) { $0 + Int($1) }
    guard total <= Int(Int32.max) else {
      throw MPIError(.tooLarge, "MPI_Allgatherv: \(total) bytes in all; at most \(Int32.max)")
    }
    var displacements = [Int32](repeating: 0, count: size)
    for r in 1..<max(size, 1) { displacements[r] = displacements[r - 1] + counts[r - 1] }
    var gathered = [UInt8](repeating: 0, count: total)
    let code = gathered.withUnsafeMutableBytes { out in
      mpi.allgatherv!(
        bytes.baseAddress, mine, mpi.type_byte, out.baseAddress, counts, displacements, mpi.type_byte,
        mpi.comm_world)
    }
    try Self.check(mpi, code, "MPI_Allgatherv")
    return gathered
  }

  /// Copies `root`'s bytes into every process's buffer of the same size (`MPI_Bcast`, in pieces
  /// of at most 1 GiB).
  public func broadcast(_ bytes: UnsafeMutableRawBufferPointer, from root: Int) throws(MPIError) {
    var offset = 0
    repeat {
      let piece = min(bytes.count - offset, 1 << 30)
      let code = mpi.bcast!(
        bytes.baseAddress.map { $0 + offset }, Int32(piece), mpi.type_byte, Int32(root), mpi.comm_world)
      try Self.check(mpi, code, "MPI_Bcast")
      offset += piece
    } while offset < bytes.count
  }

  /// Rank `root`'s value of `value`, on every process.
  public func broadcast<T: BitwiseCopyable>(_ value: T, from root: Int) throws(MPIError) -> T {
    var copy = value
    let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: MemoryLayout<T>.size, alignment: 16)
    defer { bytes.deallocate() }
    withUnsafeBytes(of: &copy) { bytes.copyMemory(from: $0) }
    try broadcast(bytes, from: root)
    withUnsafeMutableBytes(of: &copy) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
    return copy
  }

  /// Waits until every process has called it.
  public func barrier() throws(MPIError) {
    try Self.check(mpi, mpi.barrier!(mpi.comm_world), "MPI_Barrier")
  }

  /// Ends this process's part in the job (`MPI_Finalize`); every process must call it once.
  public func finish() {
    guard !finished else { return }
    finished = true
    _ = mpi.finalize!()
  }

  /// Ends the whole job with `code` (`MPI_Abort`): mpirun stops every process.
  public func abort(code: Int32) -> Never {
    _ = mpi.abort!(mpi.comm_world, code)
    exit(code)
  }

  /// The one error path: an MPI call's code turned into ``MPIError`` with MPI's description.
  private static func check(_ mpi: skeptic_mpi, _ code: Int32, _ call: String) throws(MPIError) {
    guard code != 0 else { return }
    var text = [CChar](repeating: 0, count: Int(skeptic_mpi_max_error_string) + 1)
    var length: Int32 = 0
    _ = mpi.error_string!(code, &text, &length)
    let words = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    throw MPIError(.call, "\(call) failed (code \(code)): \(words)")
  }
}
