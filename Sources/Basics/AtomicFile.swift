import Foundation

/// Writes files so that a crash leaves either the old file or the new one, never half of one:
/// a temporary file beside the target, written, flushed to disk with `fsync`, then renamed.
public enum AtomicFile {
  /// Writes `data` to `path` atomically; the error names the path and what failed.
  public static func write(_ data: Data, to path: String) throws(BasicsError) {
    let directory = (path as NSString).deletingLastPathComponent
    let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else {
      throw BasicsError(.io, "\(path): cannot create a temporary file beside it: \(String(cString: strerror(errno)))")
    }
    var written = 0
    let ok = data.withUnsafeBytes { bytes -> Bool in
      while written < bytes.count {
        let result = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
        if result < 0 {
          if errno == EINTR { continue }
          return false
        }
        written += result
      }
      return fsync(descriptor) == 0
    }
    let error = errno
    close(descriptor)
    guard ok else {
      unlink(temporary)
      throw BasicsError(.io, "\(path): writing failed: \(String(cString: strerror(error)))")
    }
    guard rename(temporary, path) == 0 else {
      let error = errno
      unlink(temporary)
      throw BasicsError(.io, "\(path): cannot move the finished file into place: \(String(cString: strerror(error)))")
    }
  }
}
