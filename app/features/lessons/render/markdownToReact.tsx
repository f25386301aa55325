/**
 * Renders a lesson's Markdown (already parsed, as mdast) as React elements,
 * never as an HTML string: raw HTML in a lesson is dropped by
 * mdast-util-to-hast, links are only ever same-page parts, lessons or
 * http(s) pages, and images only files of the site. A lesson file cannot run
 * script in the page, whatever it contains.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import python from 'highlight.js/lib/languages/python';
import { createLowlight } from 'lowlight';
import type { RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import type { ReactNode } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';

const lowlight = createLowlight({ python });

/** Parts of the page a lesson may point at with `[text](#part)`. */
export const PAGE_PARTS = ['timeline', 'event-loop', 'playback', 'output', 'editor'] as const;
export type PagePart = (typeof PAGE_PARTS)[number];

export function isPagePart(value: string): value is PagePart {
  return (PAGE_PARTS as readonly string[]).includes(value);
}

/** What a rendered link may do. */
export interface LinkActions {
  /** Brings a part of the page into view. */
  readonly openPart: (part: PagePart) => void;
}

/** Highlights Python source as hast, for code blocks in lessons. */
export function highlightPython(code: string): ElementContent[] {
  return lowlight.highlight('python', code).children as ElementContent[];
}

function isPythonCode(node: Element): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes('language-python');
}

/** Highlights every `<pre><code class="language-python">` in place. */
function highlightCodeBlocks(node: HastRoot | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'code' && isPythonCode(child)) {
      const text = child.children.map((part) => (part.type === 'text' ? part.value : '')).join('');
      child.children = highlightPython(text);
      child.properties.className = ['language-python', 'hljs'];
    } else {
      highlightCodeBlocks(child);
    }
  }
}

const EXTERNAL = /^https?:\/\//i;
const LESSON_LINK = /^#\/lessons\/[a-z0-9-]+$/;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i;

function safeLink(href: unknown, children: ReactNode, actions: LinkActions): ReactNode {
  const target = typeof href === 'string' ? href : '';
  if (target.startsWith('#') && isPagePart(target.slice(1))) {
    const part = target.slice(1) as PagePart;
    return (
      <a
        href={target}
        className="lesson-part-link"
        onClick={(event) => {
          event.preventDefault();
          actions.openPart(part);
        }}
      >
        {children}
      </a>
    );
  }
  if (LESSON_LINK.test(target)) return <a href={target}>{children}</a>;
  if (EXTERNAL.test(target)) {
    return (
      <a href={target} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  }
  // Anything else (javascript:, data:, other pages of the site) stays text.
  return <span className="lesson-inert-link">{children}</span>;
}

/** Renders Markdown nodes of a lesson. */
export function renderMarkdown(nodes: readonly RootContent[], actions: LinkActions): ReactNode {
  const hast = toHast({ type: 'root', children: [...nodes] }) as HastRoot;
  highlightCodeBlocks(hast);
  return toJsxRuntime(hast, {
    Fragment,
    jsx,
    jsxs,
    components: {
      a: ({ href, children }) => <>{safeLink(href, children, actions)}</>,
      img: ({ src, alt }) =>
        typeof src === 'string' && src !== '' && !ANY_SCHEME.test(src) ? (
          <img src={src} alt={alt ?? ''} />
        ) : (
          <span className="lesson-inert-link">{alt}</span>
        ),
    },
  });
}

/** A highlighted Python block outside prose (examples, starter code, solutions). */
export function PythonCode({ code }: { readonly code: string }) {
  const hast: HastRoot = {
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'pre',
        properties: {},
        children: [
          {
            type: 'element',
            tagName: 'code',
            properties: { className: ['language-python', 'hljs'] },
            children: highlightPython(code.replace(/\n$/, '')),
          },
        ],
      } satisfies HastContent,
    ],
  };
  return toJsxRuntime(hast, { Fragment, jsx, jsxs });
}
