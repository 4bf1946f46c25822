#!/usr/bin/env node
// CONVENTIONS rule 9: small files — split a file before it passes 400 lines. Run by `npm run check`
// and .ci/run; fails naming every source file over the limit that is not on the allow-list below.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LIMIT = 400;

/** Files that may be longer, each with why. Generated files only; a long hand-written file is split. */
export const allowed = new Map([
  // (none today)
]);

/** Folders whose files are generated, never edited by hand. */
const generated = [/^server\/src\/db\/migrations\//];

const source = /\.(ts|tsx|mts|cts|js|mjs|cjs|css)$/;

/** Lines in a text: its newlines, plus a last line without one. */
export function lineCount(text) {
  if (text === '') return 0;
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.endsWith('\n') ? lines : lines + 1;
}

/** The source files of the repository: tracked, and new ones not ignored (so a new file counts). */
function sourceFiles(root) {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return out
    .split('\0')
    .filter((file) => source.test(file) && !generated.some((folder) => folder.test(file)));
}

/** The files over the limit that the allow-list does not name: `{ file, lines }`. */
export function oversized(files, read, limit = LIMIT, allow = allowed) {
  const over = [];
  for (const file of files) {
    if (allow.has(file)) continue;
    let text;
    try {
      text = read(file);
    } catch {
      continue; // deleted in the working tree but still in the index
    }
    const lines = lineCount(text);
    if (lines > limit) over.push({ file, lines });
  }
  return over.sort((a, b) => b.lines - a.lines);
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files = sourceFiles(root);
  const over = oversized(files, (file) => readFileSync(path.join(root, file), 'utf8'));
  if (over.length === 0) {
    console.log(`file-size guard: ${files.length} source files, none over ${LIMIT} lines`);
    return;
  }
  console.error(`file-size guard: ${over.length} source file(s) over ${LIMIT} lines (CONVENTIONS rule 9):`);
  for (const { file, lines } of over) console.error(`  ${file}: ${lines} lines — split it`);
  console.error('A generated file goes on the allow-list in scripts/file-size-guard.mjs, with why.');
  process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
