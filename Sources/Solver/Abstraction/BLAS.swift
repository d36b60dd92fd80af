import COpenBLAS

/// The one door to OpenBLAS (the `COpenBLAS` system library): the few matrix products the card
/// abstraction runs, on row-major `Float` matrices. Nothing else in Skeptic calls CBLAS.
///
/// The library is opened the first time it is needed (``load()``), not when `skeptic` starts:
/// OpenBLAS starts a thread pool as it loads, whose threads spin for a while, and solves, bots
/// and the arena have no use for it.
///
/// OpenBLAS splits a product's output among its threads and computes each entry the same way
/// whatever their number, so results do not depend on ``threads``.
enum BLAS {
  /// The opened library's entries, or what could not be found.
  nonisolated(unsafe) private static let opened: (library: skeptic_blas, missing: String?) = {
    var library = skeptic_blas()
    let missing = skeptic_blas_load(&library).map { String(cString: $0) }
    return (library, missing)
  }()

  /// Opens OpenBLAS (once); the error names what is missing.
  static func load() throws(SolverError) {
    if let missing = opened.missing {
      throw SolverError(
        .unsupportedGame,
        "the card abstraction needs OpenBLAS: \(missing) could not be loaded (install libopenblas-dev; scripts/setup does)"
      )
    }
  }

  /// The entries; ``load()`` has succeeded before any product is asked for.
  private static var library: skeptic_blas {
    precondition(opened.missing == nil, "BLAS.load() must succeed before a product")
    return opened.library
  }

  /// Threads OpenBLAS may use (at least 1; 1 when it cannot be loaded).
  static var threads: Int {
    get { opened.missing == nil ? Int(opened.library.get_num_threads()) : 1 }
    set { if opened.missing == nil { opened.library.set_num_threads(Int32(max(1, newValue))) } }
  }

  /// `c[i][j] = Σ_l a[i][l] · b[j][l]` for an `m × k` matrix `a` and an `n × k` matrix `b`
  /// (row-major): `c = a · bᵀ`, `m × n`.
  static func multiplyTransposed(
    _ a: UnsafePointer<Float>, rows m: Int, by b: UnsafePointer<Float>, rows n: Int, columns k: Int,
    into c: UnsafeMutablePointer<Float>
  ) {
    guard m > 0, n > 0, k > 0 else { return }
    library.sgemm(
      skeptic_blas_row_major, skeptic_blas_no_trans, skeptic_blas_trans, Int32(m), Int32(n), Int32(k), 1, a, Int32(k),
      b, Int32(k), 0, c, Int32(n))
  }

  /// `c[i][j] = alpha · Σ_l a[i][l] · b[j][l] + c[i][j]`: the product added to what `c` holds
  /// (no pass to clear `c` first).
  static func multiplyTransposedAdding(
    _ a: UnsafePointer<Float>, rows m: Int, by b: UnsafePointer<Float>, rows n: Int, columns k: Int, alpha: Float,
    into c: UnsafeMutablePointer<Float>
  ) {
    guard m > 0, n > 0, k > 0 else { return }
    library.sgemm(
      skeptic_blas_row_major, skeptic_blas_no_trans, skeptic_blas_trans, Int32(m), Int32(n), Int32(k), alpha, a,
      Int32(k), b, Int32(k), 1, c, Int32(n))
  }

  /// `y[i] = Σ_l a[i][l] · x[l]` for an `m × k` matrix `a` (row-major).
  static func multiply(
    _ a: UnsafePointer<Float>, rows m: Int, columns k: Int, vector x: UnsafePointer<Float>,
    into y: UnsafeMutablePointer<Float>
  ) {
    guard m > 0, k > 0 else { return }
    library.sgemv(skeptic_blas_row_major, skeptic_blas_no_trans, Int32(m), Int32(k), 1, a, Int32(k), x, 1, 0, y, 1)
  }
}
