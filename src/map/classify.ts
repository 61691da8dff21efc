/**
 * Class breaks for choropleths. Both return ascending upper bounds of all but the last
 * class, ignoring nulls (units without data are drawn as such, never as a class).
 */
export function quantileBreaks(values: readonly (number | null)[], classes: number): number[] {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const max = sorted[sorted.length - 1]!;
  const breaks: number[] = [];
  for (let k = 1; k < classes; k++) {
    // Inclusive upper bound (see classOf) of the first k/classes of the values: the last of them.
    const value = sorted[Math.ceil((k * sorted.length) / classes) - 1]!;
    // A break at the maximum would leave the classes above it empty.
    if (value < max && (breaks.length === 0 || value > breaks[breaks.length - 1]!)) breaks.push(value);
  }
  return breaks;
}

/** Jenks natural breaks (Fisher's exact dynamic programme); exact for the few thousand units we have. */
export function naturalBreaks(values: readonly (number | null)[], classes: number): number[] {
  const data = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const n = data.length;
  const k = Math.min(classes, new Set(data).size);
  if (n === 0 || k < 2) return [];
  // lower[i][j]: start index of the last class in the best split of data[0..i] into j classes.
  const lower: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(0));
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(Infinity));
  for (let j = 1; j <= k; j++) { lower[1]![j] = 1; cost[1]![j] = 0; }
  for (let i = 2; i <= n; i++) {
    let sum = 0, sumSquares = 0;
    for (let m = 1; m <= i; m++) {
      const start = i - m + 1;
      const value = data[start - 1]!;
      sum += value; sumSquares += value * value;
      const variance = sumSquares - (sum * sum) / m;
      if (start > 1) {
        for (let j = 2; j <= k; j++) {
          const candidate = variance + cost[start - 1]![j - 1]!;
          if (candidate <= cost[i]![j]!) { lower[i]![j] = start; cost[i]![j] = candidate; }
        }
      }
    }
    lower[i]![1] = 1; cost[i]![1] = sumSquares - (sum * sum) / i;
  }
  const breaks: number[] = [];
  let end = n;
  for (let j = k; j >= 2; j--) {
    const start = lower[end]![j]!;
    breaks.unshift(data[start - 2]!);
    end = start - 1;
  }
  return breaks;
}

/** Index of the class a value falls in, given ascending upper bounds. */
export function classOf(value: number, breaks: readonly number[]): number {
  let index = 0;
  while (index < breaks.length && value > breaks[index]!) index++;
  return index;
}
