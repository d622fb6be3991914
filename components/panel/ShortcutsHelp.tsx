import { useRef } from 'preact/hooks';
import { SHORTCUT_HELP } from './keyboard';
import { trusted } from './trusted';
import { usePaneFocus } from './use-pane-focus';

/** The keyboard shortcuts, shown with ?. */
export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  usePaneFocus(ref);
  return (
    <div ref={ref} class="ca-help" role="dialog" aria-label="Keyboard shortcuts" tabIndex={-1}>
      <h3>Keyboard shortcuts</h3>
      <dl>
        {SHORTCUT_HELP.map(([keys, what]) => [<dt key={`k${keys}`}><kbd>{keys}</kbd></dt>, <dd key={`d${keys}`}>{what}</dd>])}
      </dl>
      <p>Shortcuts work while the panel is open, except when you type in a field.</p>
      <button type="button" onClick={trusted(onClose)}>Close</button>
    </div>
  );
}
