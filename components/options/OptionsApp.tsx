import { useEffect, useState } from 'preact/hooks';
import { ANNOTATOR_NAME_LIMIT, annotatorName, renameAnnotator } from '../../storage/annotations';
import { addTag, deleteTag, loadCodebook, moveTag, tagUsage, updateTag } from '../../storage/codebook';
import { SETTING_KEYS, type AnnotatorDB } from '../../storage/schema';
import { useStored } from '../common/useStored';
import { GrantedSites } from './GrantedSites';
import { ProjectSection } from './ProjectSection';
import { HOTKEYS } from '../../lib/hotkeys';
import type { Tag } from '../../lib/records';

/** The options page: who annotates, the codebook (add, rename, recolour, reorder, re-key, delete), the granted sites. */
export function OptionsApp({ db }: { db: AnnotatorDB }) {
  // Shown as stored, read again when storage announces a change of its kind; the defaults are
  // written once, on mount (and announced, so they show).
  useEffect(() => void Promise.all([loadCodebook(db), annotatorName(db)]), [db]);
  const codebook = useStored(db, () => db.tags.orderBy('order').toArray(), [] as Tag[], (change) => change.kind === 'codebook');
  const annotator = useStored(db, async () => (await db.settings.get(SETTING_KEYS.annotator))?.value ?? '', '', (change) => change.kind === 'annotator');
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ tag: Tag; uses: number } | null>(null);
  const [newName, setNewName] = useState('');

  const attempt = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <main>
      <h1>Comment Annotator</h1>
      <section aria-labelledby="who">
        <h2 id="who">Annotator</h2>
        <label>
          Your name in annotations and exports{' '}
          <input
            data-testid="annotator-name"
            value={annotator}
            maxLength={ANNOTATOR_NAME_LIMIT}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              renameAnnotator(db, input.value).then(() => setNameError(null), (error: Error) => {
                // Refused (empty, or a name with annotations of its own): the stored name shows again.
                input.value = annotator;
                setNameError(error.message);
              });
            }}
          />
        </label>
        {nameError && <p class="error" role="alert" data-testid="annotator-error">{nameError}</p>}
        <p class="hint">Renaming moves your annotations to the new name, in open tabs too. A name that has annotations already (a colleague’s, imported) is refused.</p>
      </section>

      <section aria-labelledby="codebook">
        <h2 id="codebook">Codebook</h2>
        {error && <p class="error" role="alert">{error}</p>}
        {confirming && (
          <div class="confirm" role="alertdialog" aria-label="Delete tag">
            <p>
              Delete <strong>{confirming.tag.name}</strong>?{' '}
              {confirming.uses === 0 ? 'No annotation uses it.'
                : `It is used by ${confirming.uses} annotation${confirming.uses === 1 ? '' : 's'}; they keep their other tags and notes.`}
            </p>
            <button type="button" class="danger" data-testid="confirm-delete" onClick={() => void attempt(async () => {
              await deleteTag(db, confirming.tag.id);
              setConfirming(null);
            })}>Delete</button>{' '}
            <button type="button" onClick={() => setConfirming(null)}>Cancel</button>
          </div>
        )}
        {codebook.length === 0 ? <p class="hint">No tags yet: add the first one below.</p> : (
          <table>
            <thead><tr><th>Key</th><th>Colour</th><th>Name</th><th>Description</th><th>Order</th><th /></tr></thead>
            <tbody>
              {codebook.map((tag, i) => (
                <tr key={tag.id} data-tag={tag.name}>
                  <td>
                    <select aria-label={`Key for ${tag.name}`} value={tag.hotkey ?? ''} onChange={(e) => {
                      const value = (e.target as HTMLSelectElement).value;
                      void attempt(() => updateTag(db, tag.id, { hotkey: value || null }));
                    }}>
                      <option value="">—</option>
                      {HOTKEYS.map((k) => <option key={k} value={k}>{k}</option>)}
                    </select>
                  </td>
                  <td><input type="color" aria-label={`Colour of ${tag.name}`} value={tag.colour} onChange={(e) => void attempt(() => updateTag(db, tag.id, { colour: (e.target as HTMLInputElement).value }))} /></td>
                  <td><input aria-label={`Name of ${tag.name}`} value={tag.name} onChange={(e) => void attempt(() => updateTag(db, tag.id, { name: (e.target as HTMLInputElement).value }))} /></td>
                  <td><input class="wide" aria-label={`Description of ${tag.name}`} value={tag.description} onChange={(e) => void attempt(() => updateTag(db, tag.id, { description: (e.target as HTMLInputElement).value }))} /></td>
                  <td>
                    <button type="button" aria-label={`Move ${tag.name} up`} disabled={i === 0} onClick={() => void attempt(() => moveTag(db, tag.id, -1))}>↑</button>
                    <button type="button" aria-label={`Move ${tag.name} down`} disabled={i === codebook.length - 1} onClick={() => void attempt(() => moveTag(db, tag.id, 1))}>↓</button>
                  </td>
                  <td><button type="button" aria-label={`Delete ${tag.name}`} onClick={() => void attempt(async () => setConfirming({ tag, uses: await tagUsage(db, tag.id) }))}>Delete</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <form onSubmit={(e) => {
          e.preventDefault();
          void attempt(async () => {
            await addTag(db, { name: newName });
            setNewName('');
          });
        }}>
          <label>New tag <input data-testid="new-tag" value={newName} onInput={(e) => setNewName((e.target as HTMLInputElement).value)} /></label>{' '}
          <button type="submit">Add</button>
        </form>
      </section>

      <ProjectSection db={db} />

      <GrantedSites />
    </main>
  );
}
