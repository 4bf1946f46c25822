/** What a verification suite reports: whether every check held, and what failed. */
export interface SuiteResult {
  ok: boolean;
  failures: string[];
}

/** `--name value` from a suite's arguments, or the fallback. */
export function option(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
}

/** A table for a terminal and for docs/verification.md alike (Markdown). */
export function table(header: string[], rows: (string | number)[][]): string {
  const lines = [header, header.map(() => '---'), ...rows.map((r) => r.map(String))];
  return `${lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n')}\n`;
}
