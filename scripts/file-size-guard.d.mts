// Types of file-size-guard.mjs for its test.
export const LIMIT: number;
export const allowed: Map<string, string>;
export function lineCount(text: string): number;
export function oversized(
  files: readonly string[],
  read: (file: string) => string,
  limit?: number,
  allow?: ReadonlyMap<string, string>,
): { file: string; lines: number }[];
