/** Field encryption: the only entry point other modules import. */
export { type DataKeyStore, InMemoryDataKeyStore, type StoredDataKey } from './data-key-store.js';
export { EnvKeyProvider } from './env-key-provider.js';
export { CryptoError, type CryptoErrorCode, DecryptionError, type DecryptionFailure } from './errors.js';
export { type FieldContext, FieldCipher } from './field-cipher.js';
export { FileKeyProvider, masterKeyFileName } from './file-key-provider.js';
export { assertPrivateFile, ensureKeyDir, readPrivateFile, writeFileExclusive } from './key-files.js';
export type { KeyProvider, WrappedKey } from './key-provider.js';
export { type KeyLocation, openKeyProvider, resolveKeyDir } from './open-key-provider.js';
export { type RotationOptions, type RotationResult, rotateMasterKey } from './rotate-master-key.js';
