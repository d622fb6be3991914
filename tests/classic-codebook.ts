import { TAGS_VARIABLE } from '../lib/codebook';
import type { Tag, Variable } from '../lib/records';

// The codebook installs had before variables (schema v4's defaults), as the v5 upgrade leaves
// it: eight multiple-choice codes of TAGS_VARIABLE, ids tag_<name>, hotkeys 1–8. Tests of
// coding mechanics (several codes on one comment, hotkeys, renames) run on it; new installs
// start with storage/default-codebook.ts instead.

/** The classic codebook's one variable. */
export const CLASSIC_VARIABLE: Variable = { ...TAGS_VARIABLE, order: 0 };

const entries: [string, string, string][] = [
  ['on-topic', '#1a7f37', 'Engages with the article’s subject.'],
  ['off-topic', '#656d76', 'About something else.'],
  ['question', '#0969da', 'Asks for information or clarification.'],
  ['argument', '#8250df', 'Makes a claim and gives reasons.'],
  ['praise', '#9a6700', 'Approves of the article, a product or a person.'],
  ['complaint', '#bc4c00', 'Expresses dissatisfaction.'],
  ['incivility', '#cf222e', 'Insults, name-calling, vulgarity.'],
  ['spam', '#bf3989', 'Advertising, link drops, bots.'],
];

/** The classic codebook's codes, in order. */
export const CLASSIC_CODEBOOK: Tag[] = entries.map(([name, colour, description], order) =>
  ({ id: `tag_${name}`, name, colour, hotkey: String(order + 1), description, order, variableId: CLASSIC_VARIABLE.id }));
