import { defaultExporter, type Exporter } from 'react-admin';

type Cell = string | number | boolean | null | undefined;

/**
 * A spreadsheet would run a cell starting with =, +, - or @ as a formula: such text (a funder's
 * name, a reference) is written with a leading apostrophe, as spreadsheets expect.
 */
export function safeCell(value: Cell): Cell {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A react-admin exporter writing one flat row per record, with plain-English column names, through
 * react-admin's own CSV writer (jsonexport) and download. `toRow` must read only what the list
 * shows, so the file never holds more than the screen did.
 */
export function flatExporter<R>(filename: string, toRow: (record: R) => Record<string, Cell>): Exporter {
  return (records, fetchRelatedRecords, dataProvider) =>
    defaultExporter(
      (records as R[]).map((record) => Object.fromEntries(Object.entries(toRow(record)).map(([k, v]) => [k, safeCell(v ?? '')]))),
      fetchRelatedRecords,
      dataProvider,
      filename,
    );
}
