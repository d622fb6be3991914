import { useEffect, useRef, useState } from 'preact/hooks';
import { clampPanelWidth, DEFAULT_PLACEMENT, pageRoomFor, type PanelPlacement, type PanelSide } from '../../lib/panel-placement';

/** Where the reader's placement of the panel is kept (the page asks the background). */
export interface PlacementStore {
  /** The placement saved in this browser, or null before the reader moved or narrowed the panel. */
  load(): Promise<PanelPlacement | null>;
  save(placement: PanelPlacement): void;
}

/** The panel's placement as shown in this window, and how the reader changes it. */
export interface ShownPlacement {
  side: PanelSide;
  /** The sheet's width: the reader's choice fitted to the window (while dragging, where the edge is). */
  width: number;
  /** How far the page moves aside for the open panel (0: the panel lies over it). */
  pageRoom: number;
  /** The window's width, which bounds the panel's. */
  viewport: number;
  moveTo(side: PanelSide): void;
  /** Sets and saves the width. */
  resize(width: number): void;
  /** Follows a dragged edge (null: the drag ended, saving where it stopped). */
  drag(width: number | null): void;
}

/**
 * The reader's placement of the panel: read once from `store`, saved on every change. While the
 * edge is dragged only the sheet follows; the page moves aside once, when the drag ends, since
 * moving it reflows the whole page.
 */
export function usePlacement(store: PlacementStore): ShownPlacement {
  const [chosen, setChosen] = useState<PanelPlacement>(DEFAULT_PLACEMENT);
  const [dragged, setDragged] = useState<number | null>(null);
  const viewport = useViewportWidth();
  // A placement the reader chose while the saved one was on its way wins over it.
  const changed = useRef(false);
  useEffect(() => {
    let live = true;
    void store.load().then((saved) => {
      if (live && saved && !changed.current) setChosen(saved);
    });
    return () => {
      live = false;
    };
  }, [store]);

  const choose = (next: PanelPlacement) => {
    changed.current = true;
    setChosen(next);
    store.save(next);
  };
  const settled = clampPanelWidth(chosen.width, viewport);
  return {
    side: chosen.side,
    width: dragged ?? settled,
    pageRoom: pageRoomFor(settled, viewport),
    viewport,
    moveTo: (side) => choose({ side, width: settled }),
    resize: (width) => choose({ side: chosen.side, width }),
    drag(width) {
      if (width !== null) return setDragged(width);
      if (dragged !== null) choose({ side: chosen.side, width: dragged });
      setDragged(null);
    },
  };
}

/** The window's width, following its resizes. */
function useViewportWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize, { passive: true });
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return width;
}
