// A seed-like dataset for the REFI-QDA and statistics exports (unit and e2e tests share it), and
// the official schemas' check by xmllint.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { NativeExport } from '../storage/export';
import type { Tag, Variable } from '../lib/records';

/** The published REFI-QDA schemas (../shared/standards/refi-qda/README.md). */
export const REFI_SCHEMAS = resolve(__dirname, '../../shared/standards/refi-qda');

/** xmllint's verdict on `file` against the schema `xsd` (Project.xsd or Codebook.xsd): its exit status and messages. */
export function xmllint(file: string, xsd: 'Project.xsd' | 'Codebook.xsd'): { status: number | null; output: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', resolve(REFI_SCHEMAS, xsd), file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint did not run (apt-get install -y libxml2-utils): ${run.error.message}`);
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

export const PAGE = 'https://www.xperiablog.net/2016/06/30/sony-mobile/';
const AT = '2026-11-21T10:00:00.000Z';
const LATER = '2026-11-21T11:30:00.000Z';
/** A comment with emoji before and inside its coded passages (2 UTF-16 units, 1 code point each). */
export const EMOJI_TEXT = 'Great phone 😍😍 but the battery 🔋 dies by noon & the price <is> "steep"';
/** Code-point offsets of two passages of EMOJI_TEXT. */
export const PASSAGES = { battery: [23, 45], price: [52, 70] } as const;
const slice = (text: string, [start, end]: readonly [number, number]) => Array.from(text).slice(start, end).join('');

/**
 * Two coders on three comments of one page (a reply among them), a codebook of a single-choice
 * variable with a group code and nested codes, and today's Tags: alice codes whole comments,
 * two segments of the emoji comment and a note; bob decides "no code applies" once.
 */
export function refiDataset(): NativeExport {
  const variables: Variable[] = [
    { id: 'var_stance', name: 'Stance', kind: 'single', description: 'What the comment thinks of the product.', include: 'Explicit judgements', exclude: 'Questions', examples: 'Love it\nHate it', order: 0 },
  ];
  const tag = (id: string, name: string, order: number, extra: Partial<Tag> = {}): Tag => ({ id, name, colour: '#1a7f37', hotkey: null, description: `${name} definition`, order, ...extra });
  const codebook: Tag[] = [
    tag('tag_3b0f8a52-7c1e-4d2a-9a51-0c6f1e2d3a4b', 'positive', 0, { variableId: 'var_stance', hotkey: '1' }),
    tag('tag_negative-group', 'negative', 1, { variableId: 'var_stance', codable: false, description: 'Groups the negative stances' }),
    tag('tag_battery', 'battery complaint', 2, { variableId: 'var_stance', parentId: 'tag_negative-group', include: 'Mentions battery life' }),
    tag('tag_price', 'price complaint', 3, { variableId: 'var_stance', parentId: 'tag_negative-group', colour: '#cf222e' }),
    tag('tag_question', 'question', 4),
    tag('tag_irony', 'Ironie äöü <&>', 5),
  ];
  const comment = (key: string, text: string, parentKey: string | null = null) => ({
    pageUrl: PAGE, key, author: key === 'disqus:1' ? 'Jürgen 🚀' : 'Reader', publishedAt: '2016-06-30T10:42:00', permalink: `${PAGE}#comment-${key.slice(7)}`, parentKey, text, savedAt: AT,
  });
  const [battery, price] = [PASSAGES.battery, PASSAGES.price];
  return {
    format: 'comment-annotator', version: 1, exportedAt: LATER, scope: { kind: 'all' }, variables, codebook,
    pages: [{ url: PAGE, layout: 'disqus', metadata: null, firstSeen: AT, lastSeen: AT, commentCount: 3 }],
    comments: [comment('disqus:1', EMOJI_TEXT), comment('disqus:2', 'Why is it so expensive?\nSerious question.', 'disqus:1'), comment('disqus:3', 'First!', 'disqus:2')],
    annotations: [
      {
        id: 'ann_alice_1', pageUrl: PAGE, commentKey: 'disqus:1', tagIds: ['tag_irony'], note: 'Sarcastic? Check the "emoji" & <markup>.', annotator: 'alice', createdAt: AT, updatedAt: LATER,
        segments: [
          { id: 'seg_battery', tagId: 'tag_battery', quote: slice(EMOJI_TEXT, battery), start: battery[0], end: battery[1], createdAt: AT },
          { id: 'seg_price', tagId: 'tag_price', quote: slice(EMOJI_TEXT, price), start: price[0], end: price[1], createdAt: LATER },
        ],
      },
      { id: 'ann_alice_2', pageUrl: PAGE, commentKey: 'disqus:2', tagIds: ['tag_question'], note: '', annotator: 'alice', createdAt: AT, updatedAt: AT },
      { id: 'ann_bob_1', pageUrl: PAGE, commentKey: 'disqus:1', tagIds: ['tag_3b0f8a52-7c1e-4d2a-9a51-0c6f1e2d3a4b', 'tag_irony'], note: '', annotator: 'bob', createdAt: AT, updatedAt: AT },
      { id: 'ann_bob_3', pageUrl: PAGE, commentKey: 'disqus:3', tagIds: [], none: true, note: 'spam-ish', annotator: 'bob', createdAt: AT, updatedAt: LATER },
    ],
  };
}
