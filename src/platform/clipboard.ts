/**
 * Clipboard access from a DOM document with the clipboardRead/clipboardWrite permissions (Chrome's
 * offscreen document, Firefox's background page): execCommand works there without focus, which the
 * async Clipboard API requires. Returns whether the clipboard was cleared.
 * https://developer.chrome.com/docs/extensions/reference/api/offscreen#reasons (CLIPBOARD),
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Interact_with_the_clipboard
 */
export function clearClipboardIf(doc: Document, expected: string): boolean {
  const buffer = doc.createElement('textarea');
  doc.body.append(buffer);
  buffer.focus();
  doc.execCommand('paste');
  const current = buffer.value;
  buffer.remove();
  if (current !== expected) return false;
  const clear = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  doc.addEventListener('copy', clear, { once: true });
  doc.execCommand('copy');
  doc.removeEventListener('copy', clear);
  return true;
}
