import { agreementReport } from '../../lib/agreement';
import { readEverything } from '../../storage/bundles';
import { AnnotatorDB } from '../../storage/schema';
import { SHOWN_DISAGREEMENTS, type AgreementAnswer } from './agreement-job';

// Agreement over a million annotations takes about a second, and reading them another: done
// here, the review page only receives the small report. Each request reads the database afresh
// (the page asks whenever its own data changed), so panel and table show the same state.
const db = new AnnotatorDB();
const scope = self as unknown as { postMessage(message: AgreementAnswer): void; onmessage: ((event: MessageEvent<number>) => void) | null };
let queue = Promise.resolve();
let latest = 0;
scope.onmessage = (event) => {
  const asked = (latest = event.data);
  queue = queue.then(async () => {
    // A newer request is waiting: this one's answer would be thrown away, so skip the work.
    if (asked !== latest) return;
    const [{ annotations, comments }, codebook] = await Promise.all([readEverything(db), db.tags.orderBy('order').toArray()]);
    const report = agreementReport(annotations, codebook);
    const wanted = new Set(report.disagreements.slice(0, SHOWN_DISAGREEMENTS).map((d) => `${d.pageUrl}\u0000${d.commentKey}`));
    const excerpts: Record<string, string> = {};
    for (const c of comments) {
      const key = `${c.pageUrl}\u0000${c.key}`;
      if (wanted.has(key)) excerpts[key] = c.text;
    }
    scope.postMessage({ asked, report, excerpts });
  }).catch((error) => console.error(error));
};
