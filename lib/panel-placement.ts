// Where the reader keeps the panel: its side of the page and its width. Saved once per browser
// (background/router.ts), read by the panel in every page; the rules here are shared by both.

/** Which edge of the page the panel sits on. */
export type PanelSide = 'left' | 'right';

/** The panel's side and the width the reader chose (CSS pixels). */
export interface PanelPlacement {
  side: PanelSide;
  width: number;
}

/** Where the panel sits until the reader moves or narrows it. */
export const DEFAULT_PLACEMENT: PanelPlacement = { side: 'right', width: 440 };

/** Narrower than this, the rows' author, time and chips no longer fit on their line. */
export const MIN_PANEL_WIDTH = 280;
/** The largest share of the window the panel may take: the page keeps the rest. */
export const MAX_PANEL_SHARE = 0.6;
/** The widest panel any window allows; bounds what a message may store. */
export const PANEL_WIDTH_LIMIT = 4_000;

/** The widest the panel may be in a window `viewport` pixels wide (never under the minimum). */
export function maxPanelWidth(viewport: number): number {
  return Math.max(MIN_PANEL_WIDTH, Math.floor(viewport * MAX_PANEL_SHARE));
}

/** `width` brought within the minimum and the window's maximum, in whole pixels. */
export function clampPanelWidth(width: number, viewport: number): number {
  const whole = Number.isFinite(width) ? Math.round(width) : DEFAULT_PLACEMENT.width;
  return Math.min(Math.max(whole, MIN_PANEL_WIDTH), maxPanelWidth(viewport));
}

/**
 * The page's margin on the panel's side that keeps its content out from under the open panel,
 * or 0 where the window is too narrow to share (the panel then lies over the page, as on a phone).
 */
export function pageRoomFor(width: number, viewport: number): number {
  return width <= viewport * MAX_PANEL_SHARE ? width : 0;
}

/** How many pixels one arrow key press moves the panel's edge (ten with Shift). */
export const WIDTH_STEP = 16;

/**
 * The width a key pressed on the panel's edge asks for, or null for other keys. The arrows move
 * the edge itself: ← widens a panel on the right and narrows one on the left. Home and End go to
 * the minimum and the maximum.
 */
export function widthForKey(key: string, shiftKey: boolean, placement: PanelPlacement, viewport: number): number | null {
  const step = shiftKey ? WIDTH_STEP * 10 : WIDTH_STEP;
  const outward = placement.side === 'right' ? 'ArrowLeft' : 'ArrowRight';
  const inward = placement.side === 'right' ? 'ArrowRight' : 'ArrowLeft';
  const current = clampPanelWidth(placement.width, viewport);
  switch (key) {
    case outward: return clampPanelWidth(current + step, viewport);
    case inward: return clampPanelWidth(current - step, viewport);
    case 'Home': return MIN_PANEL_WIDTH;
    case 'End': return maxPanelWidth(viewport);
    default: return null;
  }
}

/** The width a pointer at `clientX` drags the panel's inner edge to, the outer edge staying at `outerEdge`. */
export function widthAtPointer(clientX: number, outerEdge: number, viewport: number): number {
  return clampPanelWidth(Math.abs(outerEdge - clientX), viewport);
}
