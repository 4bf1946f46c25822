export * from './analytics-store.types.js';
export { DuckDbStore } from './duckdb-store.js';
export { e164Sql, UK_NUMBER_FORMAT, type PhoneNumberFormat } from './e164.sql.js';
export { EVENT_TYPE_CODES } from './event-type.js';
export { InputFileError } from './input-file-error.js';
export { QueryInputError } from './query-input-error.js';
export { ImportAccountingError } from './import/stage-file.js';
export {
  parseProviderProfile,
  type ProviderProfile,
  type ProviderProfileInput,
  ProviderProfileSchema,
} from './provider-profile.schema.js';
export { type ImportPreview, previewImport } from './preview-import.js';
