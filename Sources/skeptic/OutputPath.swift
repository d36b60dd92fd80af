import Foundation

/// Checks, before any work, that a file can be written where an option says.
enum OutputPath {
  /// Refuses `path` when its folder does not exist or cannot be written, naming the option.
  static func check(_ path: String, option: String) throws(CommandError) {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
      throw CommandError("\(option) \(path): the folder \(folder) does not exist")
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw CommandError("\(option) \(path): the folder \(folder) cannot be written")
    }
  }

  /// Refuses a folder to be created (with its parents) under an ancestor that cannot be written.
  static func checkFolder(_ path: String, option: String) throws(CommandError) {
    var ancestor = URL(fileURLWithPath: path)
    var isFolder: ObjCBool = false
    while !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder) {
      ancestor = ancestor.deletingLastPathComponent()
    }
    guard isFolder.boolValue, FileManager.default.isWritableFile(atPath: ancestor.path) else {
      throw CommandError("\(option) \(path): \(ancestor.path) is not a folder that can be written")
    }
  }
}
