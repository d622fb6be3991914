import { trusted } from './trusted';

/**
 * Below the list, where the thread can be picked by hand: the button that starts picking
 * (worded for a page with or without comments found), or what to do while picking.
 */
export function PickPrompt(props: { picking: boolean; found: number; onPick(): void }) {
  return (
    <p class="ca-pick">
      {props.picking
        ? 'Click one comment on the page (Esc cancels).'
        : <button type="button" data-testid="ca-pick-thread" onClick={trusted(() => props.onPick())}>{props.found ? 'Wrong comments? Pick the thread' : 'Pick the comment thread'}</button>}
    </p>
  );
}
