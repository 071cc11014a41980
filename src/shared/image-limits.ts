/**
 * The longest PNG/JPEG… `data:` URL a content script may send the background (`enroll/candidate`,
 * `png`), in characters, whitespace included. A setup page's QR is a PNG of a few KB (a 530×530 one
 * is ~10 KB); what the page script draws (content/enroll/draw-source.ts) is at most 1 MP, and a QR's
 * flat modules compress to well under 100 KB at that size. 1 MiB of base64 (768 KiB of image) is many
 * times either.
 *
 * Why a cap at all (the reviewer's flood): Chrome carries a message of up to 64 MB, and the worker
 * receives and parses all of it before any check runs; a 164×164 QR PNG padded with a 7 MB text chunk
 * costs almost nothing in pixels, yet 60 of them held the worker for seconds at a time. The content
 * script does not send a longer one (it draws the image instead, source.ts), the message check refuses
 * one (shared/validate/enroll.ts), and the background charges each character to the tab's budget
 * before it decodes a byte (background/enroll/decode-source.ts).
 *
 * A module of its own: the every-page content script imports it without the validators.
 */
export const MAX_DATA_URL = 1024 * 1024;
