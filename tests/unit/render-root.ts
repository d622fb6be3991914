import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/** An element in the document for the file's tests to render into: attached before each test, emptied and detached after it. */
export function renderRoot(): HTMLElement {
  const root = document.createElement('div');
  beforeEach(() => {
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return root;
}
