export { formatOtpauthUri } from './format';
export { decodeMigrationPayload, encodeMigration, parseMigrationUri, type MigrationBatch } from './migration';
export { parseOtpauthUri } from './parse';
export { parseSteamUri } from './steam-uri';
export type { ParsedAccount } from './types';
export { parseManualEntry, type ManualEntry } from './manual';
