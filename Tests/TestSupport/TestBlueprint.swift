import PokerRules
import Solver

/// Blueprint trainers for tests: Leduc with lossless buckets, whose abstract game is Leduc
/// itself, so the exact best response can judge what they learn.
public enum TestBlueprint {
  /// A Leduc trainer in batches of `batch` deals; `seed` and `discountInterval` default to the
  /// settings' own.
  public static func leduc(
    threads: Int = 1, batch: Int = 16, seed: UInt64? = nil, discountInterval: Int? = nil
  ) throws -> BlueprintTrainer {
    let game = BundledGame.leduc.definition
    var settings = BlueprintSettings()
    settings.threads = threads
    settings.batch = batch
    if let seed { settings.seed = seed }
    if let discountInterval { settings.discountInterval = discountInterval }
    return try BlueprintTrainer(
      tree: BlueprintTree(game: game), buckets: LosslessBuckets(game: game), settings: settings)
  }
}
