import type { Tag, Variable } from '../lib/records';

// The codebook a new install starts with: a small example of what a codebook can say (a
// single-choice and a multiple-choice variable, a group code over nested codes, guidance on
// every entry), meant to be edited. Ids are fixed, so colleagues' files merge by id.

const variables: Variable[] = [
  {
    id: 'var_tone', name: 'tone', kind: 'single', order: 0,
    description: 'The overall attitude the comment takes towards the article or the people in it.',
    include: 'Judge the comment as a whole; sarcasm counts as what it means, not what it says.',
    exclude: 'Not the tone of text the comment quotes.',
    examples: 'Great reporting, thanks! → positive\nThis is just wrong. → negative',
  },
  {
    id: 'var_topics', name: 'topics', kind: 'multiple', order: 1,
    description: 'What the comment is about; a comment may touch several topics.',
    include: 'A topic the comment discusses, even briefly.',
    exclude: 'A topic only named in passing (a single word with nothing said about it).',
    examples: 'Taxes will go up again after the vote. → elections, economy',
  },
];

type Code = Omit<Tag, 'order'>;
const code = (id: string, variableId: string, fields: Omit<Code, 'id' | 'variableId' | 'parentId'>, parentId: string | null = null): Code =>
  ({ id, variableId, parentId, ...fields });

const codes: Code[] = [
  code('tag_positive', 'var_tone', {
    name: 'positive', colour: '#1a7f37', hotkey: '1', description: 'Approves, agrees, praises or thanks.',
    include: 'Agreement with the article or another commenter.', exclude: 'Politeness alone around a complaint (“thanks, but…” is negative).', examples: 'Well said.',
  }),
  code('tag_neutral', 'var_tone', {
    name: 'neutral', colour: '#656d76', hotkey: '2', description: 'Informs or asks without taking a side.',
    include: 'Questions, facts, links with a neutral framing.', exclude: 'A question that is really a complaint (rhetorical questions).', examples: 'When does this start?',
  }),
  code('tag_negative', 'var_tone', {
    name: 'negative', colour: '#cf222e', hotkey: '3', description: 'Disapproves, disagrees, complains or insults.',
    include: 'Criticism of the article, its subject or other commenters.', exclude: 'Reporting someone else’s criticism neutrally.', examples: 'Terrible idea.',
  }),
  code('tag_politics', 'var_topics', {
    name: 'politics', colour: '#0969da', hotkey: null, codable: false, description: 'Groups the political topics below; code one of them.',
    include: '', exclude: '', examples: '',
  }),
  code('tag_elections', 'var_topics', {
    name: 'elections', colour: '#8250df', hotkey: '4', description: 'Votes, campaigns, candidates and polls.',
    include: 'Predictions of results.', exclude: 'Politics between elections (→ policy).', examples: 'She will never win the primary.',
  }, 'tag_politics'),
  code('tag_policy', 'var_topics', {
    name: 'policy', colour: '#24292f', hotkey: '5', description: 'What a government does or should do.',
    include: 'Laws, budgets, regulation.', exclude: 'Campaign promises (→ elections).', examples: 'The new rent cap will not help.',
  }, 'tag_politics'),
  code('tag_economy', 'var_topics', {
    name: 'economy', colour: '#9a6700', hotkey: '6', description: 'Prices, jobs, businesses and money.',
    include: 'Personal finances when the comment generalises from them.', exclude: 'Advertising (→ other topic).', examples: 'Groceries cost twice what they did.',
  }),
  code('tag_health', 'var_topics', {
    name: 'health', colour: '#bf3989', hotkey: '7', description: 'Illness, care, medicine and public health.',
    include: 'Experiences with doctors or hospitals.', exclude: 'Health insurance law (→ policy).', examples: 'My GP waiting list is six weeks.',
  }),
  code('tag_other_topic', 'var_topics', {
    name: 'other topic', colour: '#bc4c00', hotkey: '8', description: 'A topic none of the codes above covers.',
    include: 'Anything off the list, spam included.', exclude: 'Comments with no topic at all (use “no code applies”).', examples: 'Check out my channel!',
  }),
];

/** The codebook new users start with: two example variables (tone, topics) and their codes, in order. */
export const DEFAULT_CODEBOOK: { readonly variables: readonly Variable[]; readonly tags: readonly Tag[] } = {
  variables,
  tags: codes.map((c, order) => ({ ...c, order })),
};
