/**
 * The site's Content-Security-Policy (docs/security.md). The build writes it
 * into index.html as a `<meta>` tag, which a static host that cannot set
 * headers still serves; `vite preview` also sends the built page's policy
 * as a header when it plays a host that sets headers (vite.config.ts),
 * which is the only way a module worker loaded from a URL gets a policy of
 * its own.
 *
 * Not in dev: Vite's dev server injects an inline script (React Fast
 * Refresh's preamble) and talks to its HMR client over a WebSocket.
 */
import type { Plugin } from 'vite';

/**
 * Every directive, with why it allows what it allows. `lessonOrigins` are
 * the other sites lesson files may be fetched from (tools/vite/lessonOrigins.ts).
 */
function directives(lessonOrigins: readonly string[]): string[] {
  return [
    "default-src 'self'",
    // No inline script, no outside origin, no eval; Pyodide compiles WebAssembly.
    "script-src 'self' 'wasm-unsafe-eval'",
    // Monaco adds <style> elements while it runs.
    "style-src 'self' 'unsafe-inline'",
    // Monaco's stylesheet carries two small images as data: URLs.
    "img-src 'self' data:",
    "font-src 'self'",
    // Pyodide's files come from the site's own pyodide/ folder; lesson files
    // from there too, or from the origins the site owner listed.
    ["connect-src 'self'", ...lessonOrigins].join(' '),
    // The sandbox and Monaco's editor worker are files of the site.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ];
}

export function contentSecurityPolicyFor(lessonOrigins: readonly string[]): string {
  return directives(lessonOrigins).join('; ');
}

const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/;

/** The policy a built page carries in its `<meta>` tag, or null when it has none. */
export function policyOfBuiltPage(html: string): string | null {
  const content = META.exec(html)?.[1];
  if (content === undefined) return null;
  // Vite writes attributes with these three escaped; a policy has no other.
  return content.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/** Adds the policy to every built page, before anything it governs. */
export function contentSecurityPolicy(lessonOrigins: readonly string[]): Plugin {
  return {
    name: 'loopscope:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: contentSecurityPolicyFor(lessonOrigins),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}
