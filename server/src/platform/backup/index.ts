// Backup and restore (ADR 0024): what `lantern backup` and `lantern restore` run.
export { type BackupOptions, type BackupResult, createBackup } from './create-backup';
export { excludedFromBackup } from './data-files';
export { databaseState, type DatabaseState, stateDifferences } from './database-state';
export { formatBytes } from './files';
export { MANIFEST_FILE, type Manifest } from './manifest';
export { type RestoreOptions, type RestoreResult, restoreBackup } from './restore-backup';
export { readManifest, verifyBackup } from './verify-backup';
