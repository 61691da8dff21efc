/**
 * How improbable a count is, given the unit's own recent history (docs/domain.md §4): the
 * tail probability P(X ≥ observed) under a Poisson law with the trailing mean, or under
 * a negative binomial with the trailing mean and variance when the history is more
 * variable than Poisson (weekday cycles, earlier bursts). Pure functions, no I/O; the
 * SQL builders return observed counts and history sums, this file turns them into
 * probabilities and flags.
 */

/** Below this many events on one day, a unit × category is never flagged, however improbable. */
export const MIN_ANOMALY_COUNT = 5;

/**
 * Flag when P(X ≥ observed) is below this. Bonferroni reasoning: a daily briefing tests
 * about 12 categories × (9 counties + 173 townships + ~4,900 grids) ≈ 61,000 cells, but a
 * grid cell with a trailing mean of a few hundredths cannot reach the minimum count by
 * chance (P(X ≥ 5 | λ = 0.05) ≈ 2.5e-9), so the family that can produce false alarms is
 * mainly the ~2,200 township and county cells (and the busiest grids): 2,200 × 1e-4
 * ≈ 0.2 expected false alarms a day, about one a week city-wide, at most.
 */
export const ANOMALY_PROBABILITY = 1e-4;

/** Days of history behind the expected count (the trailing window). */
export const HISTORY_DAYS = 28;

/**
 * A trailing history with no event at all would give an expected count of 0 and make any
 * event "impossible"; instead it is read as half an event over the window (a common
 * continuity correction), so 5 events after 28 quiet days give P ≈ 1e-10, not 0.
 */
export const EMPTY_HISTORY_EVENTS = 0.5;

// ---------------------------------------------------------------------------------------
// Special functions (Lanczos log-gamma; incomplete gamma and beta as in Numerical Recipes)
// ---------------------------------------------------------------------------------------

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7; relative error ~1e-15). */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new Error(`logGamma needs x > 0, got ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPS = 1e-15;
const TINY = 1e-300;
const MAX_ITERATIONS = 10_000;

/** Regularised lower incomplete gamma P(a, x) = γ(a, x) / Γ(a), a > 0, x ≥ 0. */
export function lowerGammaRegularized(a: number, x: number): number {
  if (!(a > 0) || x < 0) throw new Error(`lowerGammaRegularized needs a > 0 and x >= 0, got a=${a}, x=${x}`);
  if (x === 0) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    // Series: converges fast below the mean, and keeps full relative precision in the far tail.
    let term = 1 / a, sum = term;
    for (let n = 1; n < MAX_ITERATIONS; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return Math.min(1, sum * Math.exp(logPrefix));
  }
  // Continued fraction for Q(a, x) (modified Lentz), then P = 1 − Q (P is not small here).
  let b = x + 1 - a, c = 1 / TINY, d = 1 / b, h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b; if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c; if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b, qap = a + 1, qam = a - 1;
  let c = 1, d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d; if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c; if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d; h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d; if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c; if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b), a, b > 0, 0 ≤ x ≤ 1. */
export function betaRegularized(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0) || x < 0 || x > 1) throw new Error(`betaRegularized needs a, b > 0 and 0 <= x <= 1, got x=${x}, a=${a}, b=${b}`);
  if (x === 0 || x === 1) return x;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  if (x < (a + 1) / (a + b + 2)) return Math.exp(logFront) * betaContinuedFraction(a, b, x) / a;
  return 1 - Math.exp(logFront) * betaContinuedFraction(b, a, 1 - x) / b;
}

// ---------------------------------------------------------------------------------------
// Tail probabilities
// ---------------------------------------------------------------------------------------

/** Above this size parameter r the negative binomial is computed as Poisson (see below). */
const NEGATIVE_BINOMIAL_MAX_SIZE = 1e6;

/** P(X ≥ k) for X ~ Poisson(λ): the regularised lower incomplete gamma P(k, λ). */
export function poissonUpperTail(k: number, lambda: number): number {
  if (!Number.isInteger(k)) throw new Error(`poissonUpperTail needs a whole count, got ${k}`);
  if (!(lambda >= 0)) throw new Error(`poissonUpperTail needs λ >= 0, got ${lambda}`);
  if (k <= 0) return 1;
  if (lambda === 0) return 0;
  return lowerGammaRegularized(k, lambda);
}

/**
 * P(X ≥ k) for a negative binomial with this mean and variance (variance > mean):
 * r = mean² / (variance − mean), success probability p = r / (r + mean), and
 * P(X ≥ k) = I_{1−p}(k, r). Falls back to Poisson when variance ≤ mean.
 */
export function negativeBinomialUpperTail(k: number, mean: number, variance: number): number {
  if (!Number.isInteger(k)) throw new Error(`negativeBinomialUpperTail needs a whole count, got ${k}`);
  if (k <= 0) return 1;
  if (!(mean > 0)) return mean === 0 ? 0 : Number.NaN;
  if (!(variance > mean)) return poissonUpperTail(k, mean);
  const r = (mean * mean) / (variance - mean);
  // A variance a hair above the mean (often rounding) gives an enormous r, for which the
  // incomplete beta loses its precision; the law is then Poisson to within ~(k − mean)² / 2r.
  if (!(r < NEGATIVE_BINOMIAL_MAX_SIZE)) return poissonUpperTail(k, mean);
  return Math.min(1, Math.max(0, betaRegularized(mean / (r + mean), k, r)));
}

/** What SQL returns for one unit × category × day (or run of days): the count and its history. */
export interface CountWithHistory {
  /** Events on the day (or over the run of days being tested). */
  observed: number;
  /** Σ of daily counts over the history window (zeros included implicitly). */
  historySum: number;
  /** Σ of squared daily counts over the history window. */
  historySumSq: number;
  /** Length of the history window in days. */
  historyDays: number;
  /** Days that `observed` covers (1 for a single day; k for a k-day run). */
  observedDays?: number;
}

export interface Surprise {
  /** Expected count over the observed days, from the history mean (with the empty-history correction). */
  expected: number;
  /** Variance of the count over the observed days (history sample variance, at least the mean). */
  variance: number;
  /** P(X ≥ observed) under the model. */
  probability: number;
  model: 'poisson' | 'negative_binomial';
}

/**
 * The tail probability of an observed count against its history. Mean λ = Σ / days
 * (Σ at least EMPTY_HISTORY_EVENTS); sample variance s² over the days. When s² > λ
 * the count is tested against a negative binomial with that mean and variance (an
 * overdispersed history makes a high count less surprising), otherwise against Poisson.
 * For a run of k days, mean and variance are k times the daily ones.
 */
export function surprise(row: CountWithHistory): Surprise {
  const { observed, historySum, historySumSq, historyDays } = row;
  const k = row.observedDays ?? 1;
  if (!(historyDays > 1)) throw new Error(`surprise needs more than one day of history, got ${historyDays}`);
  if (historySum < 0 || historySumSq < 0 || observed < 0) throw new Error('surprise needs non-negative counts');
  const mean = Math.max(historySum, EMPTY_HISTORY_EVENTS) / historyDays;
  const sampleVariance = Math.max(0, (historySumSq - (historySum * historySum) / historyDays) / (historyDays - 1));
  const expected = mean * k;
  if (sampleVariance > mean) {
    const variance = sampleVariance * k;
    return { expected, variance, probability: negativeBinomialUpperTail(observed, expected, variance), model: 'negative_binomial' };
  }
  return { expected, variance: expected, probability: poissonUpperTail(observed, expected), model: 'poisson' };
}

export interface AnomalyThresholds {
  minCount?: number;
  probability?: number;
}

/** Flag a count: at least the minimum count, and a tail probability below the threshold. */
export function isAnomalous(observed: number, probability: number, thresholds: AnomalyThresholds = {}): boolean {
  return observed >= (thresholds.minCount ?? MIN_ANOMALY_COUNT) && probability < (thresholds.probability ?? ANOMALY_PROBABILITY);
}

/** A row as the anomaly and hot-spot SQL builders return it (their column names). */
export interface CountRow {
  observed: number;
  history_sum: number;
  history_sum_sq: number;
  history_days: number;
  /** Days `observed` covers (emerging hot spots); 1 when absent. */
  observed_days?: number;
}

/** The surprise of a row returned by SQL. */
export function rowSurprise(row: CountRow): Surprise {
  return surprise({ observed: row.observed, historySum: row.history_sum, historySumSq: row.history_sum_sq, historyDays: row.history_days, observedDays: row.observed_days ?? 1 });
}

/** Score rows returned by SQL and keep the anomalous ones, most improbable first. */
export function scoreCounts<T extends CountRow>(rows: readonly T[], thresholds: AnomalyThresholds = {}): (T & Surprise)[] {
  const minCount = thresholds.minCount ?? MIN_ANOMALY_COUNT;
  return rows
    // A count at or below its expected value is never improbable (P(X ≥ k) ≥ ~0.4): not worth the tail.
    .filter((row) => row.observed >= minCount && row.observed * row.history_days > Math.max(row.history_sum, EMPTY_HISTORY_EVENTS) * (row.observed_days ?? 1))
    .map((row) => ({ ...row, ...rowSurprise(row) }))
    .filter((row) => isAnomalous(row.observed, row.probability, thresholds))
    .sort((a, b) => a.probability - b.probability);
}
