/**
 * The in-field button's picks, one per click, each with a random id. The popup shows the pick of the
 * tab it belongs to and must name that id to fill, so what the user sees in the popup is what gets
 * filled: a later click in another tab (or another frame) cannot swap in its own frame.
 * Bounded per tab (a page clicking over and over only drops its own older picks, never another tab's)
 * and short-lived; a pick is used up by a fill or a cancel.
 */
import { PickError } from './pick-errors';

export interface PickTarget {
  tabId: number;
  frameId: number;
  documentId: string | undefined;
  origin: string;
  /**
   * The URLs of the frames that embed the pick's frame at the click, its parent first (fill/silent.ts
   * `embedders`; `[]` for a top frame, null when the browser could not tell): a frame another site
   * embeds is filled only from the popup, never at once after an unlock.
   */
  above?: string[] | null;
}

export interface Pick extends PickTarget {
  id: string;
  expires: number;
}

const gone = () => new PickError('fill/pick-gone', 'This pick is no longer waiting (used, cancelled or expired)');

export const PICK_TTL_MS = 2 * 60_000;
export const PICKS_PER_TAB = 4;

const randomId = (): string => crypto.randomUUID();

export class PickStore {
  private readonly byTab = new Map<number, Pick[]>();

  constructor(
    private readonly ttlMs = PICK_TTL_MS,
    private readonly perTab = PICKS_PER_TAB,
    private readonly newId: () => string = randomId,
  ) {}

  /** A click on our button: a new pick for that frame's document (replacing one it had), oldest dropped beyond the bound. */
  add(target: PickTarget, now = Date.now()): Pick {
    const same = (p: Pick) => p.frameId === target.frameId && p.documentId === target.documentId;
    const kept = this.live(target.tabId, now).filter((p) => !same(p));
    const pick: Pick = { ...target, id: this.newId(), expires: now + this.ttlMs };
    this.byTab.set(target.tabId, [...kept, pick].slice(-this.perTab));
    return pick;
  }

  /** The newest live pick of a tab (the popup is that tab's), or null. */
  latest(tabId: number, now = Date.now()): Pick | null {
    return this.live(tabId, now).at(-1) ?? null;
  }

  /** The live pick with this id; throws PickError('fill/pick-gone') otherwise. */
  get(id: string, now = Date.now()): Pick {
    for (const tabId of [...this.byTab.keys()]) {
      const pick = this.live(tabId, now).find((p) => p.id === id);
      if (pick) return pick;
    }
    throw gone();
  }

  /** Uses the pick up (a fill, a cancel): the same id never works twice. Throws PickError('fill/pick-gone') when not live. */
  take(id: string, now = Date.now()): Pick {
    const pick = this.get(id, now);
    this.remove(pick);
    return pick;
  }

  /** Drops a pick if it is still there (e.g. it was filled after an unlock). */
  remove(pick: Pick): void {
    const rest = (this.byTab.get(pick.tabId) ?? []).filter((p) => p.id !== pick.id);
    if (rest.length) this.byTab.set(pick.tabId, rest);
    else this.byTab.delete(pick.tabId);
  }

  private live(tabId: number, now: number): Pick[] {
    const picks = (this.byTab.get(tabId) ?? []).filter((p) => p.expires >= now);
    if (picks.length) this.byTab.set(tabId, picks);
    else this.byTab.delete(tabId);
    return picks;
  }
}
