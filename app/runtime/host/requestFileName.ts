/** The file a request asks for, by name: the last part of its path. */
export function requestFileName(input: RequestInfo | URL): string {
  const url = input instanceof Request ? input.url : String(input);
  // Any base does: only the name is wanted, and a relative URL ends in it too.
  const path = new URL(url, 'https://base.invalid/').pathname;
  return path.slice(path.lastIndexOf('/') + 1);
}
