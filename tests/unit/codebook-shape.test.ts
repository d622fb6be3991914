import { describe, expect, it } from 'vitest';
import { codesByVariable, tagOnEdit, TAGS_VARIABLE } from '../../lib/codebook';
import type { Tag, Variable } from '../../lib/records';

const tag = (id: string, order: number, variableId?: string): Tag => ({ id, name: id, colour: '#000000', hotkey: null, description: '', order, variableId });
const tone: Variable = { id: 'var_tone', name: 'tone', kind: 'single', description: '', order: 0 };
const topics: Variable = { id: 'var_topics', name: 'topics', kind: 'multiple', description: '', order: 1 };
const TAGS = [tag('neg', 2, 'var_tone'), tag('pos', 0, 'var_tone'), tag('price', 1, 'var_topics'), tag('camera', 3, 'var_topics'), tag('old', 4)];

describe('codebook shape', () => {
  it('groups codes under their variables in order; codes without a known variable form the Tags variable', () => {
    const groups = codesByVariable([topics, tone], TAGS);
    expect(groups.map((g) => [g.variable.id, g.codes.map((c) => c.id)])).toEqual([
      ['var_tone', ['pos', 'neg']], ['var_topics', ['price', 'camera']], [TAGS_VARIABLE.id, ['old']],
    ]);
    expect(codesByVariable([tone], [tag('pos', 0, 'var_tone')]).map((g) => g.variable.id)).toEqual(['var_tone']);
  });

  it('a single-choice code replaces the variable\'s other code; a multiple-choice code is only added', () => {
    expect(tagOnEdit('neg', ['pos', 'price'], [tone, topics], TAGS)).toEqual({ neg: true, pos: false });
    expect(tagOnEdit('camera', ['pos', 'price'], [tone, topics], TAGS)).toEqual({ camera: true });
    expect(tagOnEdit('old', ['pos'], [tone, topics], TAGS)).toEqual({ old: true });
  });
});
