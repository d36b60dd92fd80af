import Foundation

/// A whole file mapped read-only into memory: pages are read from disk as they are touched and
/// shared with every other process mapping the same file.
public final class MappedFile: @unchecked Sendable {
  /// The file's bytes.
  public let bytes: UnsafeRawBufferPointer
  /// Where it came from.
  public let path: String

  /// Maps `path`.
  ///
  /// - Throws: ``SolverError`` (`io`) naming the file and what the system said.
  public init(path: String) throws(SolverError) {
    self.path = path
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw SolverError(.io, "\(path): cannot open: \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw SolverError(.io, "\(path): cannot read its size: \(String(cString: strerror(errno)))")
    }
    let size = Int(status.st_size)
    guard size > 0 else {
      bytes = UnsafeRawBufferPointer(start: nil, count: 0)
      return
    }
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
      throw SolverError(.io, "\(path): cannot map into memory: \(String(cString: strerror(errno)))")
    }
    bytes = UnsafeRawBufferPointer(start: address, count: size)
  }

  deinit {
    if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
  }
}
