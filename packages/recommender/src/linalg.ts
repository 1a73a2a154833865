/**
 * Small dense linear algebra on row-major Float64Array matrices. The catalogues we invert
 * (a few hundred to ~2,000 courses) are too small to justify a native BLAS dependency and too
 * large for naive Gauss-Jordan on nested arrays, so this is a cache-friendly Cholesky.
 */

/**
 * Inverts a symmetric positive-definite n×n matrix (row-major) via Cholesky: A = L·Lᵀ,
 * then A⁻¹ = L⁻ᵀ·L⁻¹. Returns a new array; throws when A is not positive definite
 * (EASE always adds λI, so that only happens with λ ≤ 0).
 */
export function invertSpd(a: Float64Array, n: number): Float64Array {
  if (a.length !== n * n) throw new Error(`invertSpd: expected ${n * n} entries, got ${a.length}`);
  const l = new Float64Array(a); // lower triangle becomes L
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let d = l[rowJ + j];
    for (let k = 0; k < j; k++) d -= l[rowJ + k] * l[rowJ + k];
    if (!(d > 0)) throw new Error(`invertSpd: matrix is not positive definite (pivot ${j} = ${d})`);
    const djj = Math.sqrt(d);
    l[rowJ + j] = djj;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let s = l[rowI + j];
      for (let k = 0; k < j; k++) s -= l[rowI + k] * l[rowJ + k];
      l[rowI + j] = s / djj;
    }
  }
  // M = L⁻¹ (lower triangular), computed row by row by forward substitution.
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    m[rowI + i] = 1 / l[rowI + i];
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s += l[rowI + k] * m[k * n + j];
      m[rowI + j] = -s / l[rowI + i];
    }
  }
  // A⁻¹ = Mᵀ·M; entry (i,j) = Σ_{k ≥ max(i,j)} M[k,i]·M[k,j]. Accumulate by rows of M so
  // memory is read sequentially, then mirror the upper triangle.
  const inv = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const rowK = k * n;
    for (let i = 0; i <= k; i++) {
      const mki = m[rowK + i];
      if (mki === 0) continue;
      const rowI = i * n;
      for (let j = i; j <= k; j++) inv[rowI + j] += mki * m[rowK + j];
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) inv[i * n + j] = inv[j * n + i];
  return inv;
}

/** C = A·B for row-major A (n×m) and B (m×p). */
export function matMul(a: Float64Array, b: Float64Array, n: number, m: number, p: number): Float64Array {
  const c = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const rowC = i * p;
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      const rowB = k * p;
      for (let j = 0; j < p; j++) c[rowC + j] += aik * b[rowB + j];
    }
  }
  return c;
}
