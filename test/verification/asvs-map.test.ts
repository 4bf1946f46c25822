import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/security/asvs.md maps OWASP ASVS 5.0 requirements to the tests that prove them (issue 27,
// item 7). This reads its tables: every test a row names must exist, in the file it names, so a
// renamed or deleted test fails here until the map follows.

const root = join(import.meta.dirname, '../..');
const doc = readFileSync(join(root, 'docs/security/asvs.md'), 'utf8');

interface AsvsRow {
  id: string;
  level: string;
  status: string;
  proofs: { file: string; test: string }[];
  line: number;
}

/** The requirement rows of the map's tables: `| id | level | text | status | proof |`. */
function parseAsvsMap(markdown: string): AsvsRow[] {
  const rows: AsvsRow[] = [];
  for (const [i, line] of markdown.split('\n').entries()) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 7 || !/^\d+\.\d+\.\d+$/.test(cells[1]!)) continue;
    const proof = cells.slice(5, -1).join('|');
    const proofs = [...proof.matchAll(/`([^`]+\.test\.tsx?)` › ([^<]+?)(?=<br>|$)/g)].map((m) => ({
      file: m[1]!,
      test: m[2]!.trim(),
    }));
    rows.push({ id: cells[1]!, level: cells[2]!, status: cells[4]!, proofs, line: i + 1 });
  }
  return rows;
}

/** Whether `source` declares a test (or suite) with exactly this name. */
function declares(source: string, name: string): boolean {
  return ["'", '"', '`'].some((q) => source.includes(`${q}${name}${q}`));
}

const rows = parseAsvsMap(doc);

describe('the ASVS map (docs/security/asvs.md)', () => {
  it('maps requirements by their ASVS 5.0 ids, once each, with a known status and level', () => {
    expect(rows.length).toBeGreaterThan(40);
    const ids = rows.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const r of rows) {
      expect(['Met', 'Partly', 'Not met'], `line ${r.line}`).toContain(r.status);
      expect(['1', '2', '3'], `line ${r.line}`).toContain(r.level);
    }
    expect(rows.some((r) => r.status === 'Not met')).toBe(true);
  });

  it('names a proof for every met or partly met requirement, and none for one not met', () => {
    const faults = rows
      .filter((r) => (r.status === 'Not met') !== (r.proofs.length === 0))
      .map((r) => `${r.id} (line ${r.line}): ${r.status} with ${r.proofs.length} tests`);
    expect(faults).toEqual([]);
  });

  it('names only tests that exist, in the files it names', () => {
    const faults: string[] = [];
    for (const r of rows) {
      for (const { file, test } of r.proofs) {
        const path = join(root, file);
        if (!existsSync(path)) faults.push(`${r.id}: no file ${file}`);
        else if (!declares(readFileSync(path, 'utf8'), test))
          faults.push(`${r.id}: no test '${test}' in ${file}`);
      }
    }
    expect(faults).toEqual([]);
  });

  it('fails on a test that does not exist (the check can fail)', () => {
    const [row] = parseAsvsMap(
      '| 9.9.9 | 2 | x | Met | `server/src/platform/http/http.db.test.ts` › a test nobody wrote |\n',
    );
    expect(row?.proofs).toEqual([
      { file: 'server/src/platform/http/http.db.test.ts', test: 'a test nobody wrote' },
    ]);
    expect(declares(readFileSync(join(root, row!.proofs[0]!.file), 'utf8'), row!.proofs[0]!.test)).toBe(
      false,
    );
  });
});
