import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VirtualList } from '../../components/common/VirtualList';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A list of 1,000 rows 10 px high with row `active` selected. */
function list(active: number) {
  return <VirtualList count={1_000} rowHeight={10} activeIndex={active} label="rows" role="listbox" renderRow={(index, style) => <div key={index} data-row={index} style={style} />} />;
}

describe('VirtualList', () => {
  it('scrolls a selected row below the window into view and draws it in the same render, before any scroll event', () => {
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(list(0), root));
    act(() => render(list(200), root));
    const scroller = root.querySelector<HTMLElement>('.ca-scroller')!;
    // The window is 800 px (the test document lays nothing out): row 200 ends at its bottom.
    expect(scroller.scrollTop).toBe(200 * 10 + 10 - 800);
    expect(root.querySelector('[data-row="200"]')).not.toBeNull();
    // Back above the window: the row comes to its top.
    act(() => render(list(5), root));
    expect(scroller.scrollTop).toBe(50);
    expect(root.querySelector('[data-row="5"]')).not.toBeNull();
  });
});

describe('VirtualList, its height', () => {
  it('reads no layout while it renders, and draws the rows of the height its ResizeObserver reports', () => {
    const reported: (() => void)[] = [];
    vi.stubGlobal('ResizeObserver', class {
      constructor(private readonly report: () => void) {}
      observe() {
        reported.push(this.report);
      }
      disconnect() {}
    });
    let height = 0;
    const reads = vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(() => height);
    try {
      const root = document.createElement('div');
      document.body.append(root);
      act(() => render(list(0), root));
      // Reading it here would lay out the whole page before the first frame.
      expect(reads).not.toHaveBeenCalled();
      height = 100;
      act(() => reported.forEach((report) => report()));
      // 10 rows in view and 6 overscan below them.
      expect(root.querySelectorAll('[data-row]')).toHaveLength(16);
    } finally {
      reads.mockRestore();
      vi.unstubAllGlobals();
    }
  });
});
