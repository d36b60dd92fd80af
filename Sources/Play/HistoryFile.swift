import Foundation

/// A hand-history file opened for appending; each line is written as soon as it is added, so a
/// session that ends any way leaves every finished hand on disk.
final class HistoryFile {
  let path: String
  let handle: FileHandle

  init(path: String, header: String?) throws(PlayError) {
    self.path = path
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
    if !FileManager.default.fileExists(atPath: path) {
      guard FileManager.default.createFile(atPath: path, contents: header.map { Data(($0 + "\n").utf8) }) else {
        throw PlayError("\(path): cannot create the hand history")
      }
    }
    guard let handle = FileHandle(forWritingAtPath: path) else { throw PlayError("\(path): cannot open for appending") }
    handle.seekToEndOfFile()
    self.handle = handle
  }

  deinit { try? handle.close() }

  func append(_ line: String) throws(PlayError) {
    do { try handle.write(contentsOf: Data((line + "\n").utf8)) } catch {
      throw PlayError("\(path): cannot append: \(error.localizedDescription)")
    }
  }
}

/// Why a play session could not start or go on.
public struct PlayError: Error, Hashable, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
