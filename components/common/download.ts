import { exportFileName, type ExportFormat } from '../../storage/export-formats';
import type { NativeExport } from '../../storage/export';

/** Saves an export as a file in a format: its text, under the format's file name and MIME type. */
export function downloadExport(format: ExportFormat, data: NativeExport, date = new Date()): void {
  downloadText(exportFileName(format, date), format.serialise(data), format.mimeType);
}

/** Saves text as a file through the browser's download (no "downloads" permission needed). */
function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
