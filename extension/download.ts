import type { ExportFile } from '../lib/records';

/** Saves a file through the browser's download (no "downloads" permission needed). */
export function downloadFile({ name, content, type }: ExportFile): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
