import { SHORTCUT_HELP } from './keyboard';
import { trusted } from './trusted';

/** The keyboard shortcuts, shown with ?. */
export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  return (
    <div class="ca-help" role="dialog" aria-label="Keyboard shortcuts">
      <h3>Keyboard shortcuts</h3>
      <dl>
        {SHORTCUT_HELP.map(([keys, what]) => [<dt key={`k${keys}`}><kbd>{keys}</kbd></dt>, <dd key={`d${keys}`}>{what}</dd>])}
      </dl>
      <p>Shortcuts work while the panel is open, except when you type in a field.</p>
      <button type="button" onClick={trusted(onClose)}>Close</button>
    </div>
  );
}
