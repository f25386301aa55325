/**
 * Saves text as a file through the browser's download, as a link with a
 * `download` name does. The object URL is released once the click has
 * handed the blob to the download.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has the blob once the click's task is over.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
