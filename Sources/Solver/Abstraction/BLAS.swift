import COpenBLAS

/// The one door to OpenBLAS (the `COpenBLAS` system library): the few matrix products the card
/// abstraction runs, on row-major `Float` matrices. Nothing else in Skeptic calls CBLAS.
///
/// OpenBLAS splits a product's output among its threads and computes each entry the same way
/// whatever their number, so results do not depend on ``threads``.
enum BLAS {
  /// Threads OpenBLAS may use (at least 1).
  static var threads: Int {
    get { Int(openblas_get_num_threads()) }
    set { openblas_set_num_threads(Int32(max(1, newValue))) }
  }

  /// `c[i][j] = Σ_l a[i][l] · b[j][l]` for an `m × k` matrix `a` and an `n × k` matrix `b`
  /// (row-major): `c = a · bᵀ`, `m × n`.
  static func multiplyTransposed(
    _ a: UnsafePointer<Float>, rows m: Int, by b: UnsafePointer<Float>, rows n: Int, columns k: Int,
    into c: UnsafeMutablePointer<Float>
  ) {
    guard m > 0, n > 0, k > 0 else { return }
    cblas_sgemm(
      CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(k), b, Int32(k), 0, c,
      Int32(n))
  }

  /// `c[i][j] = alpha · Σ_l a[i][l] · b[j][l] + c[i][j]`: the product added to what `c` holds
  /// (no pass to clear `c` first).
  static func multiplyTransposedAdding(
    _ a: UnsafePointer<Float>, rows m: Int, by b: UnsafePointer<Float>, rows n: Int, columns k: Int, alpha: Float,
    into c: UnsafeMutablePointer<Float>
  ) {
    guard m > 0, n > 0, k > 0 else { return }
    cblas_sgemm(
      CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k), alpha, a, Int32(k), b, Int32(k), 1, c,
      Int32(n))
  }

  /// `y[i] = Σ_l a[i][l] · x[l]` for an `m × k` matrix `a` (row-major).
  static func multiply(
    _ a: UnsafePointer<Float>, rows m: Int, columns k: Int, vector x: UnsafePointer<Float>,
    into y: UnsafeMutablePointer<Float>
  ) {
    guard m > 0, k > 0 else { return }
    cblas_sgemv(CblasRowMajor, CblasNoTrans, Int32(m), Int32(k), 1, a, Int32(k), x, 1, 0, y, 1)
  }
}
