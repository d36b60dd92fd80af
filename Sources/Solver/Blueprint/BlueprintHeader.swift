/// The JSON header of blueprint policy files and checkpoints: enough to rebuild the betting tree
/// and to refuse card buckets other than the ones trained on.
struct BlueprintHeader: Codable {
  var format: String
  var gameDefinition: String
  var menu: BetMenuText?
  /// The card buckets' ``CardBuckets/identity``.
  var buckets: String
  var bucketCounts: [Int]
  var iterations: Int
  var settings: BlueprintSettings
  var slotCount: Int
  /// The run's own notes (checkpoints: the command's options).
  var run: [String: String]
}
