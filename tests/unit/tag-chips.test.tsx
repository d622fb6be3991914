import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TagChips } from '../../components/panel/TagChips';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const tags = ['praise', 'question', 'off-topic'].map((name) => ({ name, colour: '#0550ae' }));

describe('TagChips', () => {
  it('measures its chips only when its ResizeObserver reports (never during a render), then hides those that do not fit behind "+N"', () => {
    const reports: (() => void)[] = [];
    vi.stubGlobal('ResizeObserver', class {
      constructor(private readonly report: () => void) {}
      observe() {
        reports.push(this.report);
      }
      disconnect() {}
    });
    // The box is 100 px wide; each chip shown takes 60 (the "+N" chip nothing).
    const width = vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return [...this.querySelectorAll<HTMLElement>('.ca-chip')].filter((chip) => !chip.hidden).length * 60;
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(100);
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(<TagChips tags={tags} />, root));
    act(() => render(<TagChips tags={tags} />, root));
    // A read during a render lays out the whole page (with chips on 5,000 comments: every press).
    expect(width).not.toHaveBeenCalled();
    expect(reports).toHaveLength(1);
    act(() => reports[0]());
    expect([...root.querySelectorAll<HTMLElement>('.ca-chip')].map((chip) => chip.hidden)).toEqual([false, true, true]);
    expect(root.querySelector('.ca-chip-more')?.textContent).toBe('+2');
    // Other chips: observed anew, so they are fitted again at the next report.
    act(() => render(<TagChips tags={tags.slice(0, 1)} />, root));
    expect(reports).toHaveLength(2);
  });
});
