/// An error from a library, printed by the argument parser as `Error: …` with exit status 1.
///
/// Library errors already say what was wrong and where; this only carries their text to the
/// terminal without the usage banner a `ValidationError` adds.
struct CommandError: Error, CustomStringConvertible {
  let description: String

  init(_ error: any Error) {
    description = "\(error)"
  }

  init(_ message: String) {
    description = message
  }
}
