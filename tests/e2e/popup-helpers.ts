import type { Page } from 'playwright-core';
import type { LoadedExtension } from './harness';

export const PASSWORD = 'correct horse battery staple';

export async function openPopup(ext: LoadedExtension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
  return page;
}

/** Send one protocol message from an extension page (the popup), return the reply's value or throw. */
export async function call<T>(page: Page, message: Record<string, unknown>): Promise<T> {
  const reply = (await page.evaluate((m) => chrome.runtime.sendMessage(m), message)) as
    { ok: true; value: T } | { ok: false; error: { code: string } };
  if (!reply.ok) throw new Error(`${String(message.type)} failed: ${reply.error.code}`);
  return reply.value;
}

/** A new profile's popup: create the vault through the first-run form and wait for the unlocked view. */
export async function createVault(page: Page, password = PASSWORD): Promise<void> {
  await page.getByLabel('Master password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 20_000 });
}
