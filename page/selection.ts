// Moving the panel's selection among the rows it shows (keys in the order shown).

/**
 * The key `by` rows from `selected` among `keys`, stopping at either end; with no row of
 * `keys` selected, the first row (moving down) or the last (moving up). Null when none is shown.
 */
export function movedKey(keys: readonly string[], selected: string | null, by: 1 | -1): string | null {
  if (!keys.length) return null;
  const at = selected ? keys.indexOf(selected) : -1;
  return keys[at === -1 ? (by > 0 ? 0 : keys.length - 1) : Math.min(keys.length - 1, Math.max(0, at + by))];
}

/** The first key after `selected` among `keys`, wrapping around, whose comment is not coded; null when every one is. */
export function nextUncodedKey(keys: readonly string[], selected: string | null, coded: (key: string) => boolean): string | null {
  const at = selected ? keys.indexOf(selected) : -1;
  for (let step = 1; step <= keys.length; step++) {
    const key = keys[(at + step) % keys.length];
    if (!coded(key)) return key;
  }
  return null;
}
