import { useState } from 'preact/hooks';
import { PASSWORD_CODES } from '../core/formats/import-errors';
import { peekPeerEncrypted } from '../core/formats/peer-detect';
import type { ImportCommitResult, ImportPayload, ImportPreview } from '../shared/protocol-import';
import type { OptionsApi } from './api';
import type { Translate } from './app';
import { errorText } from './error-text';
import { FilePassword } from './file-password';
import { ImportPreviewView } from './import-preview';
import { ImportSource, type Source } from './import-source';
import { fileToPayload } from './read-file';
import { plural } from '../shared/ui/plural';

type Stage =
  | { kind: 'choose' }
  | { kind: 'password'; payload: ImportPayload }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'done'; result: ImportCommitResult }
  | { kind: 'undone'; removed: number };

type Message = { error: boolean; text: string } | null;

/**
 * Import: choose → (password) → preview → commit (all or nothing) → undo. The password is asked once:
 * the commit names the preview, whose decrypted file the background keeps.
 */
export function ImportSection({ api, t, onChanged }: { api: OptionsApi; t: Translate; onChanged(): void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  /** Another app's export being opened here: how far its key derivation is, and how to stop it. */
  const [opening, setOpening] = useState<{ done: number; stop: AbortController } | null>(null);

  async function run(task: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try {
      await task();
    } catch (failure) {
      setMessage({ error: true, text: errorText(t, failure) });
    } finally {
      setBusy(false);
    }
  }

  async function preview(payload: ImportPayload) {
    // Another app's encrypted export (Bitwarden, Ente, Authenticator v3) is opened here, in this page,
    // so its KDFs and ciphers load only on demand and only into the options page (peer-encrypted.ts).
    if (payload.encoding === 'text' && payload.password === undefined && peekPeerEncrypted(payload.data)) {
      setStage({ kind: 'password', payload });
      return;
    }
    try {
      setStage({ kind: 'preview', preview: await api.importPreview(payload) });
    } catch (failure) {
      const code = (failure as { code?: unknown }).code;
      if (typeof code === 'string' && PASSWORD_CODES.has(code)) setStage({ kind: 'password', payload });
      if (code !== 'import/needs-password') throw failure;
    }
  }

  const choose = (source: Source) =>
    run(async () => {
      setStage({ kind: 'choose' });
      const payload =
        source.kind === 'text'
          ? { data: source.text, encoding: 'text' as const }
          : await fileToPayload(source.file, api.qrFromImage);
      await preview(payload);
    });

  async function withPassword(payload: ImportPayload, password: string) {
    if (payload.encoding !== 'text' || !peekPeerEncrypted(payload.data)) return preview({ ...payload, password });
    const [{ openPeerExport }, { argon2OffThread, perPercent }] = await Promise.all([
      import('../core/formats/peer-encrypted'),
      import('./argon2-off-thread'),
    ]);
    const stop = new AbortController();
    setOpening({ done: 0, stop });
    // A render per whole percent (in the worker, or in this page where no worker starts).
    const onProgress = perPercent((done) => setOpening({ done, stop }));
    try {
      const opened = await openPeerExport(payload.data, password, {
        argon2: argon2OffThread({ onProgress, signal: stop.signal }),
      });
      // Cancelled as the derivation ended: the file is not previewed.
      if (stop.signal.aborted) return;
      return await preview({ data: opened.text, encoding: 'text' });
    } catch (failure) {
      // Cancelled: back to choosing a file, no error to show.
      if (stop.signal.aborted) return;
      throw failure;
    } finally {
      setOpening(null);
    }
  }

  const commit = (preview: ImportPreview, replace: number[]) =>
    run(async () => {
      try {
        const result = await api.importCommit({
          previewId: preview.previewId,
          expectedCount: preview.add.length,
          ...(replace.length > 0 && { replace }),
        });
        setStage({ kind: 'done', result });
        onChanged();
      } catch (failure) {
        // The background no longer holds the decrypted file (locked, restarted, too old): start over.
        if ((failure as { code?: unknown }).code === 'import/expired') setStage({ kind: 'choose' });
        throw failure;
      }
    });

  const undo = (importId: string) =>
    run(async () => {
      const { removed } = await api.importUndo(importId);
      setStage({ kind: 'undone', removed });
      onChanged();
    });

  const cancel = () => {
    opening?.stop.abort();
    setStage({ kind: 'choose' });
    setMessage(null);
  };

  return (
    <section aria-labelledby="import-title" id="import" class="card">
      <h2 id="import-title">{t('importTitle')}</h2>
      <p class="hint">{t('importExplain')}</p>
      <ImportSource t={t} disabled={busy} onSource={choose} />
      {busy && <p role="status">{t('importBusy')}</p>}
      {message && (
        <p class="error" role="alert">
          {message.text}
        </p>
      )}
      {stage.kind === 'password' && (
        <FilePassword
          t={t}
          busy={busy}
          opening={opening?.done ?? null}
          onCancel={cancel}
          onPassword={(password) => run(() => withPassword(stage.payload, password))}
        />
      )}
      {stage.kind === 'preview' && (
        <ImportPreviewView
          t={t}
          preview={stage.preview}
          busy={busy}
          onCancel={cancel}
          onConfirm={(replace) => commit(stage.preview, replace)}
        />
      )}
      {stage.kind === 'done' && (
        <p class="saved" role="status">
          {stage.result.added.length > 0 && <>{plural(t, 'importDone', stage.result.added.length)} </>}
          {stage.result.updated > 0 && <>{plural(t, 'importUpdated', stage.result.updated)} </>}
          {/* Undo removes what was added; what the accounts the vault had gained stays (import-undo.ts). */}
          {stage.result.added.length > 0 && (
            <button type="button" class="link" disabled={busy} onClick={() => undo(stage.result.importId)}>
              {t('undo')}
            </button>
          )}
        </p>
      )}
      {stage.kind === 'undone' && (
        <p class="saved" role="status">
          {plural(t, 'importUndone', stage.removed)}
        </p>
      )}
    </section>
  );
}
