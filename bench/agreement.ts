import { availableParallelism, loadavg } from 'node:os';
import { agreementReport } from '../lib/agreement';
import type { Annotation, Tag, Variable } from '../lib/records';
import { seededRandom } from '../seeds/parse';

const NOW = '2026-11-01T10:00:00.000Z';
const CODERS = ['alice', 'bob', 'carol'];

/** A codebook of two single-choice variables and one multiple-choice variable. */
function codebook(): { variables: Variable[]; tags: Tag[] } {
  const variables: Variable[] = [
    { id: 'var_tone', name: 'Tone', kind: 'single', description: '', order: 0 },
    { id: 'var_stance', name: 'Stance', kind: 'single', description: '', order: 1 },
    { id: 'var_topics', name: 'Topics', kind: 'multiple', description: '', order: 2 },
  ];
  const names: [string, string[]][] = [['var_tone', ['positive', 'neutral', 'negative']], ['var_stance', ['for', 'against']], ['var_topics', ['price', 'camera', 'battery', 'screen', 'service']]];
  const tags = names.flatMap(([variableId, codes]) => codes.map((name) => ({ id: `tag_${name}`, name, colour: '#1f6feb', hotkey: null, description: '', order: 0, variableId })));
  return { variables, tags: tags.map((t, order) => ({ ...t, order })) };
}

/**
 * `count` codings by three coders, every comment coded by all three: each coder follows a
 * comment's "true" coding 80% of the time, one coding in ten is "no code applies", one in
 * twenty marks a passage.
 */
function syntheticCodings(count: number, tags: Tag[]): Annotation[] {
  const random = seededRandom(count);
  const of = (variableId: string) => tags.filter((t) => t.variableId === variableId).map((t) => t.id);
  const [tone, stance, topics] = [of('var_tone'), of('var_stance'), of('var_topics')];
  const pick = <T,>(list: T[]) => list[Math.floor(random() * list.length)];
  const annotations: Annotation[] = [];
  let truth: string[] = [];
  for (let i = 0; i < count; i++) {
    const comment = Math.floor(i / CODERS.length);
    if (i % CODERS.length === 0) truth = [pick(tone), pick(stance), ...topics.filter(() => random() < 0.3)];
    const pageUrl = `https://phandroid.com/bench/${Math.floor(comment / 100)}/`;
    const base = { id: `ann_${i}`, pageUrl, commentKey: `wp:${comment}`, note: '', annotator: CODERS[i % CODERS.length], createdAt: NOW, updatedAt: NOW };
    if (random() < 0.1) {
      annotations.push({ ...base, tagIds: [], none: true });
      continue;
    }
    const tagIds = random() < 0.8 ? truth : [pick(tone), pick(stance), ...topics.filter(() => random() < 0.3)];
    const start = Math.floor(random() * 20);
    const segments = random() < 0.05 ? [{ id: `seg_${i}`, tagId: pick(topics), quote: 'passage', start, end: start + 10 + Math.floor(random() * 20), createdAt: NOW }] : undefined;
    annotations.push({ ...base, tagIds, ...(segments && { segments }) });
  }
  return annotations;
}

/** Prints the figure of issue 13: the agreement report over 100,000 codings by three coders, in Node. */
export function agreementSection() {
  const count = 100_000;
  const { variables, tags } = codebook();
  const annotations = syntheticCodings(count, tags);
  const times: number[] = [];
  const cpu: number[] = [];
  let report = agreementReport(annotations, tags, variables);
  for (let run = 0; run < 7; run++) {
    const [started, used] = [performance.now(), process.cpuUsage()];
    report = agreementReport(annotations, tags, variables);
    times.push(performance.now() - started);
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  console.log('\n## Agreement (lib/agreement.ts in Node, 7 runs after one warm-up)\n');
  console.log(`agreement over ${count.toLocaleString('en')} annotations by ${CODERS.length} coders (${report.units.toLocaleString('en')} units, ${report.disagreements.length.toLocaleString('en')} disagreements): `
    + `median ${times[3].toFixed(0)} ms, slowest ${times[6].toFixed(0)} ms (target < 1 s); CPU time median ${cpu[3].toFixed(0)} ms`);
  // On a shared machine the wall time follows the load; the CPU time much less.
  console.log(`  (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores)`);
  for (const v of report.variables) console.log(`  ${v.name.padEnd(8)} ${v.kind.padEnd(9)} α ${v.alpha?.toFixed(3)}  units ${v.units}  coders ${v.coders}`);
  console.log(`  segments: ${report.segments.map((s) => `${s.tagId} overlap ${s.overlap?.toFixed(3)}`).join(', ')}`);
}
