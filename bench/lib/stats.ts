// Timing and summaries. Latencies are summarised by nearest-rank percentiles over every sample
// after warm-up; bulk work by rows per second.

export interface Distribution {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

export function summarise(samplesMs: readonly number[]): Distribution {
  if (samplesMs.length === 0) throw new Error('no samples to summarise');
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (percent: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((percent / 100) * sorted.length) - 1))]!;
  return {
    samples: sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = nowMs();
  const result = await work();
  return { ms: nowMs() - start, result };
}

export function timeSync<T>(work: () => T): { ms: number; result: T } {
  const start = nowMs();
  const result = work();
  return { ms: nowMs() - start, result };
}

/**
 * Runs each case of a pair (Fieldbook and its baseline) alternately, so that both see the same
 * cache and machine state; the order within the pair flips every round so neither always goes
 * first. `rounds` measured rounds follow `warmupRounds` unmeasured ones.
 */
export async function measurePairs<C>(options: {
  cases: readonly C[];
  warmupRounds: number;
  rounds: number;
  subject: (testCase: C) => Promise<unknown>;
  baseline: (testCase: C) => Promise<unknown> | unknown;
  /** Called once per case in the first warm-up round with both results, to check they agree. */
  check?: (testCase: C, subject: unknown, baseline: unknown) => void;
  /** Run after each pair, untimed: e.g. a turn of the event loop, as between two requests to the app. */
  between?: () => Promise<void>;
}): Promise<{ subject: number[]; baseline: number[] }> {
  const subject: number[] = [];
  const baseline: number[] = [];
  const total = options.warmupRounds + options.rounds;
  for (let round = 0; round < total; round += 1) {
    const measured = round >= options.warmupRounds;
    for (const testCase of options.cases) {
      const runSubject = async () => {
        const { ms, result } = await timeAsync(() => options.subject(testCase));
        if (measured) subject.push(ms);
        return result;
      };
      const runBaseline = async () => {
        const { ms, result } = await timeAsync(async () => options.baseline(testCase));
        if (measured) baseline.push(ms);
        return result;
      };
      let subjectResult: unknown;
      let baselineResult: unknown;
      if (round % 2 === 0) {
        subjectResult = await runSubject();
        baselineResult = await runBaseline();
      } else {
        baselineResult = await runBaseline();
        subjectResult = await runSubject();
      }
      if (round === 0 && options.check) options.check(testCase, subjectResult, baselineResult);
      if (options.between) await options.between();
    }
  }
  return { subject, baseline };
}
