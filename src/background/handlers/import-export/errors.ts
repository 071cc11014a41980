/** Errors of the import/export handlers that are not core format errors. */
export type ImportExportCode =
  'import/changed' | 'import/expired' | 'import/nothing-to-add' | 'import/nothing-to-undo' | 'protocol/bad-request';

export class ImportExportError extends Error {
  constructor(
    readonly code: ImportExportCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportExportError';
  }
}
