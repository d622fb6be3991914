import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { CommentStore } from '../lib/comment-store';
import { Panel } from './Panel';

/** Mounts the panel in its own shadow root at the end of the page's body, so page CSS stays out. */
export async function mountPanel(ctx: ContentScriptContext, store: CommentStore) {
  const ui = await createShadowRootUi(ctx, {
    name: 'comment-annotator-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount(container) {
      render(<Panel store={store} />, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return ui;
}
