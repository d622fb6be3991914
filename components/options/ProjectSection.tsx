import { useEffect, useState } from 'preact/hooks';
import { setBlindMode } from '../../lib/blind-setup';
import { checkDatabase, CouchError } from '../../lib/couch';
import { joinProject, leaveProject, type Project, type SyncState } from '../../storage/project';
import type { AnnotatorDB } from '../../storage/schema';
import { SyncStatus, useProject } from '../common/SyncStatus';

/**
 * The lead's switch for blind coding (lib/blind-setup.ts does it on the server, with the lead's
 * rights: what only a server admin can do is said in words, with the command that does it).
 * It shows what the last round found until the server says otherwise.
 */
function BlindSetting({ project, state }: { project: Project; state: SyncState }) {
  const [wanted, setWanted] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (wanted === !!state.blind) setWanted(null);
  }, [state.blind]);
  const turn = async (on: boolean) => {
    setBusy(true);
    setWanted(on);
    try {
      await setBlindMode(project, on, { also: [project.user] });
      setProblem(null);
    } catch (error) {
      setWanted(null);
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <label>
        <input type="checkbox" data-testid="ca-sync-blind" checked={wanted ?? !!state.blind} disabled={busy} onChange={(e) => void turn((e.target as HTMLInputElement).checked)} />
        {' '}Blind coding: each coder sees only their own codings (the server keeps each coder's in a database only they and you can read); you see everyone's and the agreement.
      </label>
      {problem && <p class="error" role="alert" data-testid="ca-sync-blind-error">{problem}</p>}
    </>
  );
}

/**
 * The team project: join a CouchDB database (checked first, with what is wrong in words), see
 * where sync stands, leave (every coding stays here). The password is kept in the extension's
 * own storage and shown to no one.
 */
export function ProjectSection({ db }: { db: AnnotatorDB }) {
  const { project, state } = useProject(db);
  const [form, setForm] = useState({ url: '', user: '', password: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onInput: (e: Event) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value }),
  });

  const join = async (e: Event) => {
    e.preventDefault();
    setChecking(true);
    try {
      const target = { url: form.url.trim().replace(/\/+$/, ''), user: form.user.trim(), password: form.password };
      if (!target.user) throw new CouchError('unauthorized', 'Give your user name on the server.');
      await checkDatabase(target);
      await joinProject(db, target);
      setForm({ url: '', user: '', password: '' });
      setProblem(null);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setChecking(false);
    }
  };

  return (
    <section aria-labelledby="project">
      <h2 id="project">Team project</h2>
      {project ? (
        <>
          <p>Coding in <strong>{project.url}</strong> as <strong>{project.user}</strong>. Every change is saved here first and sent when the server can be reached.</p>
          <SyncStatus db={db} />
          {state?.lead && <BlindSetting project={project} state={state} />}
          <button type="button" data-testid="ca-sync-leave" onClick={() => void leaveProject(db)}>Leave the project</button>
          <p class="hint">Leaving stops sync; every coding stays in this browser.</p>
        </>
      ) : (
        <form onSubmit={(e) => void join(e)} aria-describedby="project-hint">
          <p id="project-hint" class="hint">A CouchDB database your team's lead created and made you a member of. Nothing is sent anywhere until you join.</p>
          <label>Database address <input class="wide" type="url" required placeholder="https://couch.example.org/my-study" data-testid="ca-sync-url" {...field('url')} /></label>
          <label>User name <input required autocomplete="username" data-testid="ca-sync-user" {...field('user')} /></label>{' '}
          <label>Password <input type="password" autocomplete="current-password" data-testid="ca-sync-password" {...field('password')} /></label>{' '}
          <button type="submit" data-testid="ca-sync-join" disabled={checking}>{checking ? 'Checking…' : 'Join'}</button>
          {problem && <p class="error" role="alert" data-testid="ca-sync-error">{problem}</p>}
        </form>
      )}
    </section>
  );
}
