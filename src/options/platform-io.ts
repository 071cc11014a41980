/** The options page's browser-side helpers behind OptionsApi.qrFromImage and OptionsApi.download. */
import { decodeQr } from '../core/qr';
import { imageToRgba } from '../platform/capture';
import type { ExportFile } from '../shared/protocol-import';

export async function qrFromImage(image: Blob): Promise<string | null> {
  return decodeQr(await imageToRgba(image))?.text ?? null;
}

/** A Blob URL clicked through `<a download>`; revoked once the browser has had time to start the download. */
export function download({ content, filename, mimeType }: ExportFile): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
