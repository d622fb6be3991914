import { foldSpace, textHash } from '../layouts/text';

/** The hash comments are re-found by: whitespace-insensitive, so a re-rendered thread still matches. */
export function normalisedTextHash(text: string): string {
  return textHash(foldSpace(text));
}
