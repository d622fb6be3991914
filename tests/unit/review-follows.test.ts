// @vitest-environment node
// Node's own fetch talks to the server (happy-dom's keeps a cache); fake-indexeddb is global.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { syncRound } from '../../background/project-sync';
import { reviewFollows } from '../../components/review/review-follows';
import { setBlindMode } from '../../lib/blind-setup';
import type { StoreChange } from '../../lib/changes';
import { announce, followChanges, onChange } from '../../storage/changes';
import { shownAnnotator } from '../../storage/project';
import { joinedBrowser, tag } from './sync-helpers';
import { couchForFile } from '../couch-for-file';

// The review page's worker reads every coding again when what it shows can have changed; a sync
// round announces the project's state several times, and a round that merged nothing must not
// cost a reading of everything (a million annotations take seconds).

const server = couchForFile('review', ['alice', 'bob', 'lead'], ['lead']);

describe('the review page follows', () => {
  it('no reading after a round that merged nothing; one when blind coding turned on, showing only the coder’s own', async () => {
    const [alice, bob] = [await joinedBrowser(`${server.url}/review`, 'alice'), await joinedBrowser(`${server.url}/review`, 'bob')];
    await tag(bob, 1, 'tag_off-topic');
    expect((await syncRound(bob)).error).toBeNull();
    await tag(alice, 1, 'tag_on-topic');
    expect((await syncRound(alice)).error).toBeNull();

    // As the worker follows: each reading notes whose codings it showed.
    const readings: (string | null)[] = [];
    const rule = reviewFollows(alice, () => readings.at(-1));
    const verdicts: boolean[] = [];
    const heard: StoreChange[] = [];
    const stopHearing = onChange(alice, (change) => heard.push(change));
    const stop = followChanges(alice, () => shownAnnotator(alice), (shown) => readings.push(shown), (change) => {
      const verdict = rule(change);
      if (change.kind === 'project') void Promise.resolve(verdict).then((yes) => verdicts.push(yes));
      return verdict;
    });
    /** Every change announced so far has been heard (a marker the rule ignores arrives last) and each project change judged. */
    const settled = async () => {
      const marker: StoreChange = { kind: 'thread', pageUrl: `marker-${crypto.randomUUID()}` };
      announce(alice, marker);
      await vi.waitFor(() => expect(heard).toContainEqual(marker));
      const projectChanges = heard.filter((c) => c.kind === 'project').length;
      await vi.waitFor(() => expect(verdicts).toHaveLength(projectChanges));
      return projectChanges;
    };
    try {
      await vi.waitFor(() => expect(readings).toEqual([null]));
      expect((await syncRound(alice)).error).toBeNull();
      expect(await settled()).toBeGreaterThan(1);
      expect(verdicts.every((yes) => !yes)).toBe(true);
      expect(readings).toEqual([null]);

      await setBlindMode({ url: `${server.url}/review`, user: server.admin.user, password: server.admin.password }, true);
      expect(await syncRound(alice)).toMatchObject({ error: null, blind: true });
      await settled();
      expect(verdicts).toContain(true);
      await vi.waitFor(() => expect(readings.at(-1)).toBe('alice'));
      expect(readings[1]).toBe('alice');
    } finally {
      stop();
      stopHearing();
    }
  });
});
