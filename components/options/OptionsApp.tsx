import { useEffect, useState } from 'preact/hooks';
import { ANNOTATOR_NAME_LIMIT, annotatorName, renameAnnotator } from '../../storage/annotations';
import { loadCodebook } from '../../storage/codebook';
import { SETTING_KEYS, type AnnotatorDB } from '../../storage/schema';
import { useStored } from '../common/useStored';
import { CodebookEditor } from './CodebookEditor';
import { GrantedSites } from './GrantedSites';
import { ProjectSection } from './ProjectSection';

/** The options page: who annotates, the codebook (variables and their codes: CodebookEditor), the granted sites. */
export function OptionsApp({ db }: { db: AnnotatorDB }) {
  // Shown as stored, read again when storage announces a change of its kind; the defaults are
  // written once, on mount (and announced, so they show).
  const [nameError, setNameError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([loadCodebook(db), annotatorName(db)]).catch((error: Error) => setNameError(`The settings could not be read: ${error.message}`));
  }, [db]);
  const annotator = useStored(db, async () => (await db.settings.get(SETTING_KEYS.annotator))?.value ?? '', '', (change) => change.kind === 'annotator');

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
        <p class="hint">Each variable is a question asked of every comment; its codes are the answers (single choice: one code a comment). Changes reach open panels at once.</p>
        <CodebookEditor db={db} />
      </section>

      <ProjectSection db={db} />

      <GrantedSites />
    </main>
  );
}
