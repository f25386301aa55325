/**
 * The site's Content-Security-Policy (docs/security.md). The build writes it
 * into index.html as a `<meta>` tag, which a static host that cannot set
 * headers still serves; `vite preview` also sends it as a header when it
 * plays a host that sets headers (vite.config.ts), which is the only way a
 * module worker loaded from a URL gets a policy of its own.
 *
 * Not in dev: Vite's dev server injects an inline script (React Fast
 * Refresh's preamble) and talks to its HMR client over a WebSocket.
 */
import type { Plugin } from 'vite';

/** Every directive, with why it allows what it allows. */
const DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  // No inline script, no outside origin, no eval; Pyodide compiles WebAssembly.
  "script-src 'self' 'wasm-unsafe-eval'",
  // Monaco adds <style> elements while it runs.
  "style-src 'self' 'unsafe-inline'",
  // Monaco's stylesheet carries two small images as data: URLs.
  "img-src 'self' data:",
  "font-src 'self'",
  // Pyodide's files come from the site's own pyodide/ folder.
  "connect-src 'self'",
  // The sandbox and Monaco's editor worker are files of the site.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** Adds the policy to the built index.html, before anything it governs. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'loopscope:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
