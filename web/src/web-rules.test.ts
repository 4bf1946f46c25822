import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roles } from '#shared/contracts/roles';

const webSrc = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const files = sourceFiles(webSrc).map((file) => ({
  name: path.relative(webSrc, file),
  text: fs.readFileSync(file, 'utf8'),
}));

/** Every place in the web app's sources where a pattern matches, as `file: line`. */
function offending(pattern: RegExp, allowed: readonly string[]): string[] {
  return files
    .filter((file) => !allowed.includes(file.name))
    .flatMap((file) =>
      file.text
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${file.name}:${i + 1}: ${line.trim()}`] : [])),
    );
}

describe('web rules (CONVENTIONS.md rule 15)', () => {
  it('names no role: screens show and hide by permissions and abilities, never by role names', () => {
    const quoted = roles.map((role) => role.replace(/[-]/g, '\\-')).join('|');
    const roleName = new RegExp(
      `(['"\`])(${quoted})\\1|roles\\.(includes|some)\\(|isModuleVisibleTo|visibleTo|usedBy`,
    );
    // The helpers that turn a user's roles into labels for display (top bar, users table).
    const allowed = [path.join('auth', 'roles.ts'), path.join('auth', 'roles.test.ts'), 'web-rules.test.ts'];
    expect(offending(roleName, allowed)).toEqual([]);
  });

  it('formats dates and times in one place (ui/format.ts), never by the browser locale', () => {
    const dateFormatting = /toLocale(Date|Time)?String\(|Intl\.DateTimeFormat|toISOString\(/;
    const allowed = [path.join('ui', 'format.ts'), 'web-rules.test.ts'];
    expect(offending(dateFormatting, allowed)).toEqual([]);
  });
});
