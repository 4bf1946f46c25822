/** One disagreement between two engines on the same question. */
export interface Mismatch {
  question: string;
  detail: string;
}

/** Thrown by {@link AnswerCheck.assertAgreed} when any two engines disagreed. */
export class AnswersDifferError extends Error {
  constructor(readonly mismatches: Mismatch[]) {
    super(
      `${mismatches.length} answer(s) differ between engines:\n${mismatches
        .map((m) => `  - ${m.question}: ${m.detail}`)
        .join('\n')}`,
    );
    this.name = 'AnswersDifferError';
  }
}

function sortedUnique(xs: Iterable<number>): Int32Array {
  const a = Int32Array.from(new Set(xs));
  return a.sort();
}

/** Describes how two id sets differ (null when equal): sizes and a few ids on each side only. */
export function diffSets(a: Iterable<number>, b: Iterable<number>): string | null {
  const x = sortedUnique(a);
  const y = sortedUnique(b);
  const onlyX: number[] = [];
  const onlyY: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (j >= y.length || (i < x.length && x[i]! < y[j]!)) onlyX.push(x[i++]!);
    else if (i >= x.length || y[j]! < x[i]!) onlyY.push(y[j++]!);
    else {
      i++;
      j++;
    }
  }
  if (onlyX.length === 0 && onlyY.length === 0) return null;
  return `sizes ${x.length} vs ${y.length}; only first: [${onlyX.slice(0, 5).join(', ')}${onlyX.length > 5 ? ', …' : ''}] (${onlyX.length}), only second: [${onlyY.slice(0, 5).join(', ')}${onlyY.length > 5 ? ', …' : ''}] (${onlyY.length})`;
}

/**
 * Collects the comparisons of one benchmark run. Each check records a mismatch instead of throwing
 * so the run can report every disagreement; {@link assertAgreed} throws if there was any.
 */
export class AnswerCheck {
  readonly mismatches: Mismatch[] = [];
  checks = 0;

  /** The same set of ids (order and repeats ignored). */
  sets(question: string, a: string, ids: Iterable<number>, b: string, other: Iterable<number>): boolean {
    this.checks++;
    const d = diffSets(ids, other);
    if (d !== null) this.mismatches.push({ question, detail: `${a} vs ${b}: ${d}` });
    return d === null;
  }

  /** The same value (counts, path lengths). */
  equal(question: string, a: string, x: number | string, b: string, y: number | string): boolean {
    this.checks++;
    if (x !== y) this.mismatches.push({ question, detail: `${a} = ${x}, ${b} = ${y}` });
    return x === y;
  }

  /** `x` is at least `y - tolerance` (e.g. our modularity against a peer's). */
  notWorse(question: string, a: string, x: number, b: string, y: number, tolerance: number): boolean {
    this.checks++;
    const ok = Number.isFinite(x) && x >= y - tolerance;
    if (!ok) this.mismatches.push({ question, detail: `${a} = ${x}, ${b} = ${y} (tolerance ${tolerance})` });
    return ok;
  }

  /** |x - y| ≤ tolerance (e.g. the same partition's modularity computed by two engines). */
  close(question: string, a: string, x: number, b: string, y: number, tolerance: number): boolean {
    this.checks++;
    const ok = Math.abs(x - y) <= tolerance;
    if (!ok) this.mismatches.push({ question, detail: `${a} = ${x}, ${b} = ${y} (tolerance ${tolerance})` });
    return ok;
  }

  assertAgreed(): void {
    if (this.mismatches.length > 0) throw new AnswersDifferError(this.mismatches);
  }
}
