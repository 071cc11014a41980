/** The page UI script, injected on demand by the background (see ui-loader.ts). */
import { showNotice, showOverlay } from './enroll/overlay';
import { watchForBackupCodes } from './enroll/backup-codes';
import { showFieldButton } from './fill/button';
import { UI_KEY, type PageUi } from './ui-loader';

const slot = globalThis as { [UI_KEY]?: PageUi };
slot[UI_KEY] ??= { showOverlay, showNotice, watchForBackupCodes, showFieldButton };
