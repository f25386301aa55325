/**
 * Saves a file through the browser's download, as a link with a `download`
 * name does. The object URL is released once the click has handed the blob
 * to the download.
 */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has the blob once the click's task is over.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

/** Saves text as a file of MIME type `type`. */
export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}
