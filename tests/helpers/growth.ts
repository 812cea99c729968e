import { expect } from 'vitest';

/*
 * Complexity by doubling, never by a wall-clock limit. Why this design, out of the ways to do it:
 *
 * - Counting steps deterministically would be best, but most of the work worth checking happens
 *   inside V8's regex engine and string builtins, where nothing can be counted from JavaScript.
 * - So it is timed, in a way a loaded 2-core CI machine cannot fool:
 *   - CPU time of this process (`process.cpuUsage`), not elapsed time: time spent waiting for a
 *     core while another job runs is not counted;
 *   - the MINIMUM of several runs of each size, interleaved (n, 4n, n, 4n, …): load, GC and JIT
 *     can only add time, so the minimum is the run closest to the true cost, and interleaving
 *     exposes both sizes to the same conditions;
 *   - a base size found by doubling until the fastest of RUNS runs costs at least MIN_CPU_MS (then repetitions
 *     if the function is that fast even at MAX_N), so fixed costs and timer resolution are
 *     negligible on a fast machine and a slow one alike;
 *   - the input doubled TWICE (n → 4n): linear code takes ~4×, quadratic ~16×, and the threshold
 *     of 8 sits at their geometric mean, a factor 2 from each. One doubling (2× vs 4×, threshold 3)
 *     leaves only a factor 1.4, which cache effects on multi-megabyte strings alone can eat;
 *   - a ratio over 8 is measured again from 4n before the test fails (see expectLinear).
 * A quadratic regression still fails every time: it is 16× at every scale.
 */

/** Each timed size must cost at least this much CPU, so fixed costs and timer resolution vanish. */
const MIN_CPU_MS = 10;
/**
 * Largest base input (the grown one is 4× this). Past a few hundred KB, linear code stops looking
 * linear: multi-megabyte strings miss the caches and fill the young generation, so GC work grows
 * faster than the input. Below it, a fast function is repeated instead.
 */
const MAX_N = 1 << 16;
/** Runs of each size; the minimum is kept. */
const RUNS = 5;
/** The input is grown by this factor: linear ≈ 4×, quadratic ≈ 16×. */
export const GROWTH = 4;
/** Upper bound of the time ratio: the geometric mean of linear (4) and quadratic (16). */
export const MAX_RATIO = 8;

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** What one growth measurement found, for the failure message. */
export interface Growth {
  n: number;
  repeat: number;
  baseMs: number;
  grownMs: number;
  ratio: number;
}

/** Sizes a measurement may use: the base input starts at `minN` and stays at most `maxN`. */
export interface GrowthSizes {
  minN?: number;
  maxN?: number;
}

/**
 * Times `run(make(n))` against `run(make(4n))` as described above. `make` builds the input outside
 * the timed part; past `maxN` the function is repeated instead of the input grown.
 */
export function measureGrowth<T>(
  make: (n: number) => T,
  run: (input: T) => unknown,
  { minN = 1024, maxN = MAX_N }: GrowthSizes = {},
): Growth {
  let n = minN;
  let repeat = 1;
  const timed = (input: T) => () => {
    for (let i = 0; i < repeat; i++) run(input);
  };
  // Calibrate (this also warms up the JIT): grow n, then the repetitions, until a run costs enough.
  // The cost is the minimum of RUNS runs, as below: a single run of code still being compiled
  // costs several times a warm one, and calibrating on it left warm base runs of 1 ms, where GC
  // threads and timer steps swung the ratio of linear code from ×5 to ×9.
  const cost = (input: T) => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < RUNS; i++) best = Math.min(best, cpuMs(timed(input)));
    return best;
  };
  for (let input = make(n); cost(input) < MIN_CPU_MS; input = make(n)) {
    if (n * 2 <= maxN) n *= 2;
    else repeat *= 2;
  }
  const base = make(n);
  const grown = make(GROWTH * n);
  let baseMs = Number.POSITIVE_INFINITY;
  let grownMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) {
    baseMs = Math.min(baseMs, cpuMs(timed(base)));
    grownMs = Math.min(grownMs, cpuMs(timed(grown)));
  }
  return { n, repeat, baseMs, grownMs, ratio: grownMs / baseMs };
}

const describeGrowth = (g: Growth) =>
  `n=${g.n}×${g.repeat}: ${g.baseMs.toFixed(1)} ms → ${g.grownMs.toFixed(1)} ms at ${GROWTH}n (×${g.ratio.toFixed(1)})`;

/**
 * Asserts that `run` grows at most linearly (see above) on the inputs `make` builds. A ratio over
 * the threshold is measured again from 4n before it fails: a one-off step in the cost of linear
 * code (a GC generation filling up, a fallback that starts at some size) lies between one pair of
 * sizes only, while super-linear growth shows at every scale.
 */
export function expectLinear<T>(make: (n: number) => T, run: (input: T) => unknown, sizes: GrowthSizes = {}): void {
  const first = measureGrowth(make, run, sizes);
  if (first.ratio < MAX_RATIO) return;
  const minN = GROWTH * first.n;
  const again = measureGrowth(make, run, { minN, maxN: Math.max(minN, sizes.maxN ?? MAX_N) });
  expect(again.ratio, `${describeGrowth(first)}; again ${describeGrowth(again)}`).toBeLessThan(MAX_RATIO);
}
