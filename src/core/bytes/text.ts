/**
 * A file's bytes as text, when they are text: how both the import's format detection and the options
 * page tell a text export from a binary one.
 */

/** C0 controls other than tab, LF, VT, FF, CR: never in a text export, common in binary. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 9 || (code > 13 && code < 32)) return true;
  }
  return false;
}

/**
 * The encoding of `bytes`: UTF-16 when they start with its byte-order mark (WHATWG Encoding §6,
 * "BOM sniff"), else UTF-8. Windows PowerShell 5 writes UTF-16LE with a BOM for `>` and `Out-File`,
 * Notepad for "Unicode": such a list of otpauth:// lines was taken for binary, i.e. an encrypted
 * andOTP backup, and asked for a password. Without a BOM, UTF-16 stays binary: nothing else marks it.
 */
function encodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * The text of `bytes` (a byte-order mark dropped) when they decode without error and hold no control
 * characters; undefined for binary.
 */
export function bytesAsText(bytes: Uint8Array): string | undefined {
  let text: string;
  try {
    text = new TextDecoder(encodingOf(bytes), { fatal: true }).decode(bytes);
  } catch {
    // Not valid in its encoding (random bytes, UTF-16 cut in half): binary, which the caller handles.
    return undefined;
  }
  return hasControlCharacters(text) ? undefined : text;
}
