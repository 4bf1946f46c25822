import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors/index';
import { formatBytes, hashFile, isEmptyDir, walk } from './files';
import { MANIFEST_FILE, type Manifest, manifestSchema } from './manifest';

/** The refusal of a backup that is not as its manifest says, naming the file and what is wrong. */
function refused(file: string, problem: string): AppError {
  return new AppError('VALIDATION_FAILED', `The backup is refused: ${file} ${problem}.`, {
    rule: 'backup-integrity',
    file,
  });
}

/** Reads and checks the manifest's shape (not yet the files). */
export async function readManifest(dir: string): Promise<Manifest> {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    if (await isEmptyDir(dir))
      throw new AppError('NOT_FOUND', `No backup at ${dir}: the directory is missing or empty.`);
    throw refused(path, 'is missing (an incomplete backup, or not a Lantern backup)');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw refused(path, 'is not valid JSON');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refused(
      path,
      `is not a Lantern backup manifest (${issue.path.join('.') || 'top level'}: ${issue.message})`,
    );
  }
  const manifest = parsed.data;
  const paths = new Set<string>();
  for (const f of manifest.files) {
    if (paths.has(f.path)) throw refused(path, `lists ${f.path} twice`);
    paths.add(f.path);
  }
  if (!paths.has(manifest.database.file))
    throw refused(path, `does not list the database dump ${manifest.database.file}`);
  if (!manifest.keys.included && [...paths].some((p) => p.startsWith('keys/')))
    throw refused(path, 'lists key files but says the keys are not included');
  return manifest;
}

/**
 * Checks a backup against its manifest before anything is restored: the files present are exactly
 * those listed (a missing or an extra file is refused, named), and each has its listed size and
 * SHA-256 (one byte changed is refused, naming the file). Returns the manifest.
 */
export async function verifyBackup(
  dir: string,
  onProgress: (line: string) => void = () => {},
): Promise<Manifest> {
  const manifest = await readManifest(dir);
  const present = await walk(dir, () => false);
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const entry of present) {
    if (entry.rel === MANIFEST_FILE) continue;
    if (entry.kind !== 'file') throw refused(entry.abs, 'is not a regular file');
    if (!listed.has(entry.rel)) throw refused(entry.abs, 'is not in the manifest (an extra file)');
  }
  const presentNames = new Set(present.map((e) => e.rel));
  for (const f of manifest.files)
    if (!presentNames.has(f.path)) throw refused(join(dir, f.path), 'is missing');
  const total = manifest.files.reduce((sum, f) => sum + f.size, 0);
  onProgress(`Verifying ${manifest.files.length} files (${formatBytes(total)}) against ${MANIFEST_FILE}…`);
  for (const f of manifest.files) {
    const abs = join(dir, f.path);
    const actual = await hashFile(abs);
    if (actual.size !== f.size) throw refused(abs, `has ${actual.size} bytes, the manifest says ${f.size}`);
    if (actual.sha256 !== f.sha256)
      throw refused(abs, 'does not match its SHA-256 in the manifest (changed or damaged)');
  }
  onProgress('  every file matches the manifest.');
  return manifest;
}
