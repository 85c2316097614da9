/** Reading an OKR spreadsheet (template or Viva Goals export) into what an import creates: pure, no I/O. */
export * from './columns.js';
export * from './cells.js';
export * from './rows.js';
export * from './measure.js';
export * from './structure.js';
export * from './check-in-date.js';
