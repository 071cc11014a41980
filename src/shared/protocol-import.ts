/**
 * The import/export domain of the protocol map (merged into ToBackground in ./protocol.ts).
 * Every message here is for extension pages only (the options page).
 */
import type { SenderKind } from './protocol';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ImportExportMessages {}

export const importExportSenders: { readonly [K in keyof ImportExportMessages]: readonly SenderKind[] } = {};
