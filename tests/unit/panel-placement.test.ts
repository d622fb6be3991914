import { describe, expect, it } from 'vitest';
import { clampPanelWidth, maxPanelWidth, MIN_PANEL_WIDTH, pageRoomFor, widthAtPointer, widthForKey } from '../../lib/panel-placement';

describe('the panel’s width', () => {
  it('stays between 280 px and 60 % of the window, in whole pixels', () => {
    expect(clampPanelWidth(440, 1280)).toBe(440);
    expect(clampPanelWidth(100, 1280)).toBe(MIN_PANEL_WIDTH);
    expect(clampPanelWidth(1000, 1280)).toBe(768);
    expect(clampPanelWidth(300.6, 1280)).toBe(301);
    expect(clampPanelWidth(Number.NaN, 1280)).toBe(440);
  });

  it('keeps its minimum in a window too narrow for 60 % to hold it', () => {
    expect(maxPanelWidth(400)).toBe(MIN_PANEL_WIDTH);
    expect(clampPanelWidth(440, 400)).toBe(MIN_PANEL_WIDTH);
  });

  it('moves its inner edge with the arrows: ← widens a panel on the right and narrows one on the left', () => {
    const right = { side: 'right' as const, width: 440 };
    const left = { side: 'left' as const, width: 440 };
    expect(widthForKey('ArrowLeft', false, right, 1280)).toBe(456);
    expect(widthForKey('ArrowRight', false, right, 1280)).toBe(424);
    expect(widthForKey('ArrowLeft', false, left, 1280)).toBe(424);
    expect(widthForKey('ArrowRight', true, left, 1280)).toBe(600);
    expect(widthForKey('Home', false, right, 1280)).toBe(280);
    expect(widthForKey('End', false, left, 1280)).toBe(768);
    expect(widthForKey('ArrowRight', false, { side: 'right', width: 285 }, 1280)).toBe(280);
    expect(widthForKey('ArrowUp', false, right, 1280)).toBeNull();
  });

  it('follows a dragged edge from the panel’s outer edge, on either side', () => {
    expect(widthAtPointer(900, 1265, 1280)).toBe(365);
    expect(widthAtPointer(380, 0, 1280)).toBe(380);
    expect(widthAtPointer(10, 1265, 1280)).toBe(768);
    expect(widthAtPointer(100, 0, 1280)).toBe(280);
  });

  it('pushes the page aside by the panel’s width, unless the window is too narrow to share', () => {
    expect(pageRoomFor(440, 1280)).toBe(440);
    expect(pageRoomFor(280, 400)).toBe(0);
  });
});
