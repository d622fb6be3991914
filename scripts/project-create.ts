// npm run project:create -- https://couch.example.org/my-study --admin admin:PASSWORD --lead carol --coders alice,bob
//
// Sets up a team project on a CouchDB 3 server through its HTTP API (docs in README, "Team
// projects"): the database, a user for the lead and each coder (passwords generated and printed
// once), the database's members (coders and lead) and admins (the lead), and the validation
// function that lets a coder write only their own codings and threads, and only the lead the codebook.
// With --blind, blind coding is turned on (lib/blind-setup.ts): every user gets a database of
// their own and the main database takes no codings but the lead's. Without it, a project that
// was blind stays so (turning it off is the lead's, on the options page).
// Runs again without harm: what exists is kept (a user keeps their password).
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { VALIDATE } from '../lib/blind';
import { setBlindMode, validateWith } from '../lib/blind-setup';

/** What the script is asked to set up. */
export interface ProjectPlan {
  url: string;
  admin: { user: string; password: string };
  lead: string;
  coders: string[];
  /** Turn blind coding on. */
  blind?: boolean;
}

/** Reads the command line; throws with the usage when something is missing. */
export function parseArgs(args: string[]): ProjectPlan {
  const usage = 'Usage: npm run project:create -- DATABASE_URL --admin NAME:PASSWORD --lead NAME --coders NAME,NAME… [--blind]';
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at === -1 ? undefined : args[at + 1];
  };
  const url = args.find((a) => /^https?:\/\//.test(a));
  const admin = value('--admin');
  const lead = value('--lead');
  const coders = (value('--coders') ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  if (!url || !admin?.includes(':') || !lead) throw new Error(usage);
  const [user, ...rest] = admin.split(':');
  return { url: url.replace(/\/+$/, ''), admin: { user, password: rest.join(':') }, lead, coders, blind: args.includes('--blind') };
}

/** Creates (or completes) the project; returns the new users' passwords. */
export async function createProject(plan: ProjectPlan, log: (line: string) => void = console.log): Promise<Record<string, string>> {
  const db = new URL(plan.url);
  const server = db.origin;
  const auth = `Basic ${Buffer.from(`${plan.admin.user}:${plan.admin.password}`).toString('base64')}`;
  const request = async (url: string, method = 'GET', body?: unknown) => {
    const response = await fetch(url, { method, headers: { Authorization: auth, 'Content-Type': 'application/json', Accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const answer = await response.json().catch(() => null) as Record<string, unknown> | null;
    return { status: response.status, answer };
  };
  const must = async (url: string, method = 'GET', body?: unknown) => {
    const { status, answer } = await request(url, method, body);
    if (status >= 400) throw new Error(`${method} ${url}: ${status} ${answer?.reason ?? answer?.error ?? ''}`);
    return answer;
  };

  if ((await request(plan.url)).status === 404) {
    await must(plan.url, 'PUT');
    log(`created the database ${plan.url}`);
  }
  const passwords: Record<string, string> = {};
  for (const name of [plan.lead, ...plan.coders]) {
    const id = `${server}/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;
    if ((await request(id)).status === 200) continue;
    passwords[name] = randomBytes(9).toString('base64url');
    await must(id, 'PUT', { name, password: passwords[name], roles: [], type: 'user' });
    log(`created the user ${name} with the password ${passwords[name]}`);
  }
  const security = await must(`${plan.url}/_security`) as { members?: { names?: string[] }; admins?: { names?: string[] } };
  const members = [...new Set([...(security.members?.names ?? []), plan.lead, ...plan.coders])];
  const admins = [...new Set([...(security.admins?.names ?? []), plan.lead])];
  await must(`${plan.url}/_security`, 'PUT', { members: { names: members, roles: [] }, admins: { names: admins, roles: [] } });
  log(`members: ${members.join(', ')}; lead (database admin): ${admins.join(', ')}`);
  const project = (await request(`${plan.url}/project`)).answer as { blind?: boolean } | null;
  const admin = { url: plan.url, user: plan.admin.user, password: plan.admin.password };
  if (plan.blind || project?.blind) {
    // Every user's database, its members and validation; the main database's validation for blind coding.
    await setBlindMode(admin, true, { log });
  } else {
    await validateWith(admin, VALIDATE);
    log('installed the validation function: coders write only their own codings and threads, only the lead the codebook');
  }
  log(`Each coder joins in the extension's options: database ${plan.url}, their user name and password.`);
  return passwords;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  createProject(parseArgs(process.argv.slice(2))).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
