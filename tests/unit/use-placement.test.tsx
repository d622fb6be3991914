import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { usePlacement, type PlacementStore, type ShownPlacement } from '../../components/panel/use-placement';
import type { PanelPlacement } from '../../lib/panel-placement';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A store whose saved placement arrives when the test says, recording what was saved. */
function slowStore() {
  let arrive!: (placement: PanelPlacement | null) => void;
  const saved: PanelPlacement[] = [];
  const store: PlacementStore = { load: () => new Promise((resolve) => (arrive = resolve)), save: (placement) => void saved.push(placement) };
  return { store, saved, arrive: (placement: PanelPlacement | null) => act(async () => arrive(placement)) };
}

/** Renders a component using the hook and returns what it last gave. */
function mount(store: PlacementStore): { current: ShownPlacement } {
  const shown = {} as { current: ShownPlacement };
  function Probe() {
    shown.current = usePlacement(store);
    return null;
  }
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Probe />, root));
  return shown;
}

describe('usePlacement', () => {
  it('shows the default until the saved placement arrives, then the saved one fitted to the window', async () => {
    const { store, arrive, saved } = slowStore();
    const shown = mount(store);
    expect(shown.current).toMatchObject({ side: 'right', width: 440, pageRoom: 440 });
    await arrive({ side: 'left', width: 5_000 });
    expect(shown.current).toMatchObject({ side: 'left', width: Math.floor(window.innerWidth * 0.6) });
    expect(saved).toEqual([]);
  });

  it('keeps what the reader chose while the saved placement was on its way, and saves it', async () => {
    const { store, arrive, saved } = slowStore();
    const shown = mount(store);
    act(() => shown.current.moveTo('left'));
    await arrive({ side: 'right', width: 300 });
    expect(shown.current).toMatchObject({ side: 'left', width: 440 });
    expect(saved).toEqual([{ side: 'left', width: 440 }]);
  });

  it('while the edge is dragged, moves only the sheet; the drag’s end moves the page and saves once', () => {
    const { store, saved } = slowStore();
    const shown = mount(store);
    act(() => shown.current.drag(350));
    act(() => shown.current.drag(320));
    expect(shown.current).toMatchObject({ width: 320, pageRoom: 440 });
    expect(saved).toEqual([]);
    act(() => shown.current.drag(null));
    expect(shown.current).toMatchObject({ width: 320, pageRoom: 320 });
    expect(saved).toEqual([{ side: 'right', width: 320 }]);
  });
});
