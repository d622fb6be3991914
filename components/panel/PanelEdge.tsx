import { useRef } from 'preact/hooks';
import { maxPanelWidth, MIN_PANEL_WIDTH, widthAtPointer, widthForKey } from '../../lib/panel-placement';
import { trusted } from './trusted';
import type { ShownPlacement } from './use-placement';

/**
 * The sheet's inner edge: drag it, or focus it and press ← / → (Shift: ten times as far), Home
 * or End, to narrow or widen the panel. A focusable separator, so screen readers say its width.
 */
export function PanelEdge({ placement }: { placement: ShownPlacement }) {
  const { side, width, viewport } = placement;
  // The sheet's outer edge while the reader drags the inner one (null: no drag).
  const outerEdge = useRef<number | null>(null);
  return (
    <div
      class="ca-edge"
      role="separator"
      aria-orientation="vertical"
      aria-label="Panel width"
      aria-valuenow={width}
      aria-valuemin={MIN_PANEL_WIDTH}
      aria-valuemax={maxPanelWidth(viewport)}
      tabIndex={0}
      title="Drag, or press ← / →, to narrow or widen the panel"
      onKeyDown={trusted((event: KeyboardEvent) => {
        const next = widthForKey(event.key, event.shiftKey, { side, width }, viewport);
        if (next === null) return;
        event.preventDefault();
        placement.resize(next);
      })}
      onPointerDown={trusted((event: PointerEvent) => {
        if (event.button !== 0) return;
        event.preventDefault();
        const edge = event.currentTarget as HTMLElement;
        edge.setPointerCapture(event.pointerId);
        const sheet = edge.parentElement!.getBoundingClientRect();
        outerEdge.current = side === 'right' ? sheet.right : sheet.left;
      })}
      onPointerMove={trusted((event: PointerEvent) => {
        if (outerEdge.current !== null) placement.drag(widthAtPointer(event.clientX, outerEdge.current, viewport));
      })}
      onPointerUp={trusted(() => stopDragging(outerEdge, placement))}
      onPointerCancel={trusted(() => stopDragging(outerEdge, placement))}
    />
  );
}

function stopDragging(outerEdge: { current: number | null }, placement: ShownPlacement): void {
  if (outerEdge.current === null) return;
  outerEdge.current = null;
  placement.drag(null);
}
