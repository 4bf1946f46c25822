import type { DuckDBConnection } from '@duckdb/node-api';
import type { ImportPhase, ImportProgress } from '../analytics-store.types.js';

/**
 * Reports real import progress: at phase boundaries, and while DuckDB runs a long statement by
 * polling the connection's query progress. An error thrown by the callback, or the import's abort
 * signal, interrupts the running statement at once and is re-thrown by `run` (and by `check` in the
 * steps run in JS), so the import stops before its final transaction and drops its shadow tables.
 */
export class ImportProgressReporter {
  private failure: unknown = undefined;
  private state: ImportProgress;

  constructor(
    private readonly connection: DuckDBConnection,
    private readonly callback: ((p: ImportProgress) => void) | undefined,
    bytesTotal: number,
    private readonly intervalMs = 200,
    readonly signal?: AbortSignal,
  ) {
    this.state = { phase: 'read', rowsDone: 0, bytesDone: 0, bytesTotal };
    signal?.addEventListener('abort', () => this.fail(signal.reason ?? new Error('import cancelled')), {
      once: true,
    });
  }

  /** The phase being run (named in the failure of an import that stops in it). */
  get currentPhase(): ImportPhase {
    return this.state.phase;
  }

  /** Moves to a phase and reports it at once. */
  phase(phase: ImportPhase, fields: Partial<Omit<ImportProgress, 'phase'>> = {}): void {
    this.state = { ...this.state, ...fields, phase };
    this.emit();
    this.check();
  }

  /**
   * Runs one statement, reporting its progress every interval; `span` maps DuckDB's percentage
   * onto bytes (read phase) and rows (other phases).
   */
  async run(sql: string, span: { bytesFrom?: number; bytesTo?: number } = {}): Promise<void> {
    this.check();
    const start = { ...this.state };
    const timer = setInterval(() => {
      const pct = Math.max(0, Math.min(100, this.connection.progress.percentage)) / 100;
      if (span.bytesFrom !== undefined && span.bytesTo !== undefined) {
        this.state.bytesDone = Math.round(span.bytesFrom + pct * (span.bytesTo - span.bytesFrom));
      }
      if (start.rowsTotal !== undefined && span.bytesFrom === undefined) {
        this.state.rowsDone = Math.round(pct * start.rowsTotal);
      }
      this.emit();
    }, this.intervalMs);
    try {
      await this.connection.run(sql);
    } catch (error) {
      this.check();
      throw error;
    } finally {
      clearInterval(timer);
    }
    this.check();
  }

  private emit(): void {
    if (!this.callback || this.failure !== undefined) return;
    try {
      this.callback({ ...this.state });
    } catch (error) {
      this.fail(error ?? new Error('progress callback failed'));
    }
  }

  private fail(error: unknown): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    this.connection.interrupt();
  }

  /** Throws when the import was cancelled or the progress callback failed (between steps run in JS). */
  check(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
