import { type ColumnDef, type RowData, useTable } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import type { Page } from '#shared/contracts/pagination';
import { SortIcon } from '../icons';
import { type DataTableFeatures, dataTableFeatures } from './columns';
import type { PagedSearch } from './list-search';
import { type Sorting, sortingOf, sortOf } from './list-state';
import { Pager } from './pager';
import './data-table.css';

export interface DataTableProps<T extends RowData, S extends PagedSearch = PagedSearch> {
  /** What the table lists, for screen readers ("Users"). */
  label: string;
  /** From `columnsFor<T>().columns([...])`, defined at module level. */
  columns: ColumnDef<DataTableFeatures, T, unknown>[];
  /** One page, in the shared pagination contract's shape (from the server, or `pageLocally`). */
  page: Page<T> | undefined;
  getRowId: (row: T) => string;
  /** The list's URL state; without it the table neither sorts nor pages. */
  search?: S;
  onSearchChange?: (patch: Partial<S>) => void;
  isLoading?: boolean;
  emptyText: string;
  /** The row being worked on (e.g. open in a side panel). */
  currentId?: string;
  /** Under the table, e.g. a "Load older" button for a keyset-paged list. */
  footer?: ReactNode;
}

const noRows: never[] = [];

/**
 * A list as a table: TanStack Table holds the columns and the sort, React Aria's Table renders an
 * accessible grid (arrow keys between cells, sortable headers announced), and sort and page live in
 * the URL (`listSearch`), so a list can be bookmarked, shared and navigated back to.
 */
export function DataTable<T extends RowData, S extends PagedSearch = PagedSearch>(
  props: DataTableProps<T, S>,
) {
  const { label, columns, page, getRowId, search, onSearchChange, isLoading, emptyText, currentId, footer } =
    props;
  const sorting: Sorting = search ? sortingOf(search.sort) : [];
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: page?.items ?? (noRows as T[]),
    getRowId: (row) => getRowId(row),
    manualSorting: true,
    enableSortingRemoval: false,
    enableSorting: Boolean(search && onSearchChange),
    state: { sorting },
    onSortingChange: (updater) => {
      if (!search || !onSearchChange) return;
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      onSearchChange({ sort: sortOf(next, search.sort), offset: 0 } as Partial<S>);
    },
  });
  const current = sorting[0];
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  return (
    <div className="data-table">
      <div className="data-table__scroll">
        <Table
          className="data-table__table"
          aria-label={label}
          sortDescriptor={
            current ? { column: current.id, direction: current.desc ? 'descending' : 'ascending' } : undefined
          }
          onSortChange={(descriptor) =>
            table.getColumn(String(descriptor.column))?.toggleSorting(descriptor.direction === 'descending')
          }
        >
          <TableHeader className="data-table__head">
            {headers.map((header) => {
              const meta = header.column.columnDef.meta;
              return (
                <Column
                  key={header.id}
                  id={header.column.id}
                  className="data-table__column"
                  isRowHeader={meta?.rowHeader}
                  allowsSorting={header.column.getCanSort()}
                >
                  {({ allowsSorting, sortDirection }) => (
                    <span className={meta?.hiddenHeader ? 'visually-hidden' : 'data-table__column-label'}>
                      <table.FlexRender header={header} />
                      {allowsSorting ? (
                        <SortIcon
                          className={`data-table__sort data-table__sort--${sortDirection ?? 'none'}`}
                          width={14}
                          height={14}
                        />
                      ) : null}
                    </span>
                  )}
                </Column>
              );
            })}
          </TableHeader>
          <TableBody
            className="data-table__body"
            renderEmptyState={() => <p className="data-table__empty">{isLoading ? 'Loading…' : emptyText}</p>}
          >
            {table.getRowModel().rows.map((row) => (
              <Row
                key={row.id}
                id={row.id}
                className={
                  row.id === currentId ? 'data-table__row data-table__row--current' : 'data-table__row'
                }
              >
                {row.getAllCells().map((cell) => (
                  <Cell
                    key={cell.id}
                    className={
                      cell.column.columnDef.meta?.mono
                        ? 'data-table__cell data-table__cell--mono'
                        : 'data-table__cell'
                    }
                  >
                    <table.FlexRender cell={cell} />
                  </Cell>
                ))}
              </Row>
            ))}
          </TableBody>
        </Table>
      </div>
      {search && onSearchChange && page ? (
        <Pager
          label={label}
          page={page}
          onOffsetChange={(offset) => onSearchChange({ offset } as Partial<S>)}
        />
      ) : null}
      {footer}
    </div>
  );
}
