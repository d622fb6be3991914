import type { Frame, Page } from 'playwright-core';
import { OWN_MARK } from '../../page/comment-watcher';

/** A chip drawn in the page: its text, its tag's colour and its box (CSS px, in its document's viewport). */
export interface ChipBox {
  text: string;
  colour: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface DomNode {
  nodeId: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * Every chip of `doc` (the page, or an out-of-process comment frame), read through the DevTools
 * protocol: the chips live in closed shadow roots that neither the page nor Playwright's locators
 * reach.
 */
export async function chipBoxes(doc: Page | Frame): Promise<ChipBox[]> {
  const page = 'page' in doc ? doc.page() : doc;
  const cdp = await page.context().newCDPSession(doc);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true }) as { root: DomNode };
    const chips: DomNode[] = [];
    const walk = (node: DomNode, inChips: boolean) => {
      const here = inChips || node.nodeName.toLowerCase() === OWN_MARK;
      if (inChips && node.nodeName === 'SPAN') chips.push(node);
      for (const child of [...node.shadowRoots ?? [], ...node.children ?? []]) walk(child, here);
    };
    walk(root, false);
    const boxes: ChipBox[] = [];
    for (const chip of chips) {
      const { model } = await cdp.send('DOM.getBoxModel', { nodeId: chip.nodeId });
      const [x1, y1, x2, , , y3] = model.border;
      const style = chip.attributes?.[chip.attributes.indexOf('style') + 1] ?? '';
      boxes.push({ text: chip.children?.map((node) => node.nodeValue ?? '').join('') ?? '', colour: /--c:\s*([^;]+)/.exec(style)?.[1].trim() ?? '', x: x1, y: y1, width: x2 - x1, height: y3 - y1 });
    }
    return boxes;
  } finally {
    await cdp.detach();
  }
}

/**
 * The share of `chip`'s pixels on screen in `page` (a top-level page; the chip in view) that are
 * its tag's colour: about half for a chip drawn in full (the rest is its text), near 0 when
 * something of the page covers it.
 */
export async function chipColourShare(page: Page, chip: ChipBox): Promise<number> {
  // Inside the rounded ends and the outline: only the chip's own background and text.
  const clip = { x: chip.x + 6, y: chip.y + 3, width: chip.width - 12, height: chip.height - 6 };
  const png = (await page.screenshot({ clip })).toString('base64');
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(async ({ png, colour }) => {
      const image = await createImageBitmap(new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.fillStyle = colour;
      context.fillRect(0, 0, 1, 1);
      const want = context.getImageData(0, 0, 1, 1).data;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      let same = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if ([0, 1, 2].every((c) => Math.abs(pixels[i + c] - want[c]) <= 24)) same++;
      }
      return same / (pixels.length / 4);
    }, { png, colour: chip.colour });
  } finally {
    await blank.close();
  }
}
