import { z } from 'zod';

/** The manifest's own name in a backup directory; every other file there is listed in it. */
export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'lantern-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Where a file sits in a backup: the database dump, a data-directory file, or a key file. */
export const backupAreas = ['database', 'data', 'keys'] as const;

/**
 * A path inside a backup: relative, `/`-separated, under one of the areas, with no `.`/`..`
 * segment and no character a file name should not hold — a manifest can never name a file outside
 * the backup or, at restore, outside the data and key directories.
 */
const backupPath = z
  .string()
  .min(1)
  .max(1024)
  .refine(
    (p) =>
      backupAreas.some((area) => p.startsWith(`${area}/`)) &&
      p.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..') &&
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
      !/[\\\u0000-\u001f\u007f]/.test(p),
    { message: 'is not a relative path under database/, data/ or keys/' },
  );

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'is not a SHA-256 in hex');

export const manifestFileSchema = z.strictObject({
  path: backupPath,
  size: z.number().int().nonnegative(),
  sha256: sha256Hex,
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

/** Row count and an order-independent digest of one table's rows (table-digest.ts). */
const tableDigestSchema = z.strictObject({ rows: z.number().int().nonnegative(), digest: z.string() });

export const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  lanternVersion: z.string(),
  createdAt: z.iso.datetime(),
  engine: z.enum(['pglite', 'postgres']),
  database: z.strictObject({
    /** The dump's path in the backup (also listed in `files`). */
    file: backupPath,
    /** `pglite-datadir`: PGlite's dumpDataDir() tar; `pg-dump-custom`: pg_dump --format=custom. */
    kind: z.enum(['pglite-datadir', 'pg-dump-custom']),
    /** server_version of the database that was dumped. */
    serverVersion: z.string(),
    /** The schema migration level: how many of server/src/db/migrations were applied, and the last. */
    migrations: z.strictObject({ applied: z.number().int().nonnegative(), latest: z.string().nullable() }),
    /** Every table (schema-qualified) with its row count and digest, checked again after a restore. */
    tables: z.record(z.string(), tableDigestSchema),
    /** Every sequence's last value (`value` or `value*` when not yet called). */
    sequences: z.record(z.string(), z.string()),
  }),
  keys: z.strictObject({
    /** Whether the key files are in the backup (`--include-keys`). */
    included: z.boolean(),
    /** Master key versions that wrap the backed-up data keys (record_keys): the restore needs them. */
    masterKeyVersions: z.array(z.number().int().positive()),
    /** SHA-256 of the audit public key the checkpoints are signed for (a public key: no secret). */
    auditPublicKeySha256: sha256Hex.nullable(),
  }),
  /** Every file of the backup but this manifest, with its size and SHA-256. */
  files: z.array(manifestFileSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;
