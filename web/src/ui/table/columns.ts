import {
  createColumnHelper,
  metaHelper,
  type RowData,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';

/** What a DataTable column may say about itself beyond TanStack's column definition. */
export interface DataColumnMeta {
  /** This column's cell names the row (screen readers read it as the row's name). */
  rowHeader?: boolean;
  /** The header is for screen readers only (an actions column). */
  hiddenHeader?: boolean;
  /** Numbers and identifiers in a fixed-width face. */
  mono?: boolean;
}

/**
 * The features every DataTable uses: sorting state (the sort itself is the URL's, done by the
 * server or by `pageLocally`), and typed column meta.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: metaHelper<DataColumnMeta>(),
});
export type DataTableFeatures = typeof dataTableFeatures;

/**
 * The column helper of a list's rows: `const col = columnsFor<AdminUserView>();
 * const columns = col.columns([col.accessor('username', { header: 'User', meta: { rowHeader: true } })])`.
 * Define columns once, at module level: TanStack Table needs them stable.
 */
export function columnsFor<Row extends RowData>() {
  return createColumnHelper<DataTableFeatures, Row>();
}
