/** A text field that saves on commit (change, not every key) and shows the stored value again when the save is refused. */
export function Field({ label, value, save, long, className }: {
  label: string;
  value: string;
  /** Answers false when refused. */
  save: (value: string) => Promise<boolean>;
  /** A multi-line field (guidance, examples). */
  long?: boolean;
  className?: string;
}) {
  const commit = (e: Event) => {
    const input = e.target as HTMLInputElement | HTMLTextAreaElement;
    void save(input.value).then((ok) => {
      if (!ok) input.value = value;
    });
  };
  return long
    ? <textarea class={className} aria-label={label} value={value} rows={2} onChange={commit} />
    : <input class={className} aria-label={label} value={value} onChange={commit} />;
}
