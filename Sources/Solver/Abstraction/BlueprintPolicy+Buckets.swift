import Foundation

extension BlueprintPolicy {
  /// The card buckets the blueprint was trained on, found again for play: lossless buckets are
  /// rebuilt from the game; a card abstraction is read from `abstraction` when given, else
  /// from the path recorded in the file, else from a file of that name beside the blueprint
  /// (`path`), and checked against the identity recorded.
  ///
  /// - Throws: ``SolverError`` naming the blueprint and the abstraction it needs when none of
  ///   the places holds it, or when the one found is another.
  public func buckets(blueprint path: String, abstraction: String? = nil) throws(SolverError) -> any CardBuckets {
    if bucketsIdentity.hasPrefix("lossless") {
      let buckets = try LosslessBuckets(game: tree.game)
      try check(buckets: buckets)
      return buckets
    }
    var candidates: [String] = []
    if let abstraction {
      candidates = [abstraction]
    } else if let recorded = abstractionPath {
      let beside = URL(fileURLWithPath: path).deletingLastPathComponent()
        .appendingPathComponent(URL(fileURLWithPath: recorded).lastPathComponent).path
      candidates = [recorded, beside]
    }
    guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
      let looked = candidates.isEmpty ? "" : " (looked for \(candidates.joined(separator: " and ")))"
      throw SolverError(
        .badFile,
        "\(path) was trained on the card abstraction \(bucketsIdentity)\(looked); give that file as policy:\(path),abstraction=FILE"
      )
    }
    let buckets = try CardAbstraction(contentsOf: found)
    do {
      try check(buckets: buckets)
    } catch {
      throw SolverError(.badFile, "\(found) is not the card abstraction \(path) was trained on: \(error.message)")
    }
    return buckets
  }
}
