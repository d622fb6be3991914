import { disqusEmbed } from './disqus-embed';
import { giscus } from './giscus';
import { layoutSet } from './layout-set';
import { utterances } from './utterances';

/**
 * The families whose threads live in the comment systems' own frames (lib/sites.ts
 * COMMENT_FRAMES: Disqus, giscus, utterances): all the frame's script looks for. The page's
 * families (WordPress, the generic layout …) never match there, and leaving them out keeps
 * them out of that script.
 */
export const FRAME_LAYOUTS = layoutSet([disqusEmbed, giscus, utterances]);
