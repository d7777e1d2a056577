/** Small statistics helpers for the benchmark (no dependencies). */

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export function min(values) {
  const v = values.filter((x) => Number.isFinite(x));
  return v.length ? Math.min(...v) : null;
}

export function max(values) {
  const v = values.filter((x) => Number.isFinite(x));
  return v.length ? Math.max(...v) : null;
}

/** Ordinary least squares y = intercept + slope·x, with r². Null for fewer than 2 distinct x. */
export function linearFit(xs, ys) {
  const pts = xs.map((x, i) => [x, ys[i]]).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const n = pts.length;
  if (n < 2) return null;
  const mx = pts.reduce((s, [x]) => s + x, 0) / n;
  const my = pts.reduce((s, [, y]) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const [x, y] of pts) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept, r2, n };
}

/** Power-law fit y = c·x^k via least squares on (ln x, ln y). `exponent` is k. */
export function logLogFit(xs, ys) {
  const lx = [];
  const ly = [];
  xs.forEach((x, i) => {
    if (x > 0 && ys[i] > 0) {
      lx.push(Math.log(x));
      ly.push(Math.log(ys[i]));
    }
  });
  const f = linearFit(lx, ly);
  return f && { exponent: f.slope, coefficient: Math.exp(f.intercept), r2: f.r2, n: f.n };
}

/** Growth summary of y over x: linear slope, log-log exponent, and the exponent between the two largest x. */
export function growth(xs, ys) {
  const lin = linearFit(xs, ys);
  const ll = logLogFit(xs, ys);
  const pts = xs.map((x, i) => [x, ys[i]]).filter(([x, y]) => x > 0 && y > 0).sort((a, b) => a[0] - b[0]);
  let tailExponent = null;
  if (pts.length >= 2) {
    const [x1, y1] = pts[pts.length - 2];
    const [x2, y2] = pts[pts.length - 1];
    if (x2 !== x1) tailExponent = Math.log(y2 / y1) / Math.log(x2 / x1);
  }
  return {
    slope: lin?.slope ?? null,
    intercept: lin?.intercept ?? null,
    r2: lin?.r2 ?? null,
    exponent: ll?.exponent ?? null,
    exponentR2: ll?.r2 ?? null,
    tailExponent,
  };
}
