// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { mountTestRoot } from '../../../shared/testRoot.node';
import { parseMarkdown } from '../format/parseLesson';
import { PAGE_PARTS, PythonCode, renderMarkdown, type PagePart } from './markdownToReact';

const testRoot = mountTestRoot();
const host = testRoot.host;

/** Where the page is served from, to resolve relative addresses against. */
const PAGE = 'https://loopscope.test/app/';

/** Renders Markdown as a lesson does; returns the spy behind page-part links. */
function render(markdown: string) {
  const openPart = vi.fn<(part: PagePart) => void>();
  testRoot.render(<>{renderMarkdown(parseMarkdown(markdown), { openPart })}</>);
  return openPart;
}

/**
 * Everything a lesson's author could write to run script, load other sites or
 * escape the page. Rendered directly, without parseLesson's checks (which
 * reject raw HTML and directives), so that the renderer is safe on its own.
 */
const HOSTILE =
  String.raw`
# Title <script>alert('heading')</script>

<script>alert('block')</script>

<img src=x onerror=alert(1)>

<iframe src="https://evil.example/frame"></iframe>

<object data="https://evil.example/object"></object>
<embed src="https://evil.example/embed">

<style>body { display: none }</style>

<a href="javascript:alert('html-link')">html link</a>

Some <b onclick="alert('inline')">bold</b> text<svg onload="alert('svg')"></svg>.

The page parts: [timeline](#timeline), a [lesson](#/lessons/gather), [docs](https://docs.python.org/3/),
![the loop](images/loop.png).

[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [tab](java&#x09;script:alert(1))
[entity](&#x6A;avascript:alert(1)) [spaced](< javascript:alert(1)>)
[data](data:text/html,<script>alert(1)</script>) [vb](vbscript:msgbox(1))
[file](file:///etc/passwd) [mail](mailto:someone@example.com)
[protocol-relative](//evil.example/x) [backslashes](/\evil.example/x)
[escaped](\\\\evil.example/x) [other page](other.html) [query](?q=1) [fragment](#intro)

![js](javascript:alert(1)) ![data](data:image/svg+xml,<svg/onload=alert(1)>)
![far](https://evil.example/track.png) ![pr](//evil.example/track.png)
![entity](&#x2F;&#x2F;evil.example/track.png) ![bs](/\evil.example/track.png)
![bs2](\\\\evil.example/track.png) ![spaced](< //evil.example/track.png>)

<javascript:alert(1)> <vbscript:msgbox(1)> <someone@example.com>

[reference][evil] ![reference image][evil-image] [data reference][evil-data]

[evil]: javascript:alert(1)
[evil-image]: https://evil.example/track.png
[evil-data]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==

::leaf[leaf]{onmouseover="alert(1)" src="javascript:alert(1)"}

:::note{onclick="alert(1)"}
<script>alert('in directive')</script>

[in directive](javascript:alert(1))
:::

` +
  '```python\nprint("<script>alert(1)</script>")\n```\n\n```html\n<script>alert(1)</script>\n```\n';

/** Every attribute of every element rendered. */
function attributes(): { element: string; name: string; value: string }[] {
  return [...host().querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].map((attribute) => ({
      element: element.tagName.toLowerCase(),
      name: attribute.name,
      value: attribute.value,
    })),
  );
}

/** Whether a link may go there: a page part, a lesson, or an http(s) page. */
function isAllowedHref(href: string): boolean {
  if (href.startsWith('#')) {
    return PAGE_PARTS.some((part) => href === `#${part}`) || /^#\/lessons\/[a-z0-9-]+$/.test(href);
  }
  const url = new URL(href, PAGE);
  return url.protocol === 'https:' || url.protocol === 'http:';
}

/** Whether an image comes from the site itself, wherever its address leads. */
function isSameSite(src: string): boolean {
  return new URL(src, PAGE).origin === new URL(PAGE).origin;
}

describe('a hostile lesson', () => {
  it('renders no element that runs script, embeds a page or styles it', () => {
    render(HOSTILE);
    expect(host().querySelectorAll('script, iframe, object, embed, style, svg, form')).toHaveLength(
      0,
    );
  });

  it('renders no event handler or style attribute', () => {
    render(HOSTILE);
    const found = attributes().filter(
      ({ name }) => name.toLowerCase().startsWith('on') || name.toLowerCase() === 'style',
    );
    expect(found).toEqual([]);
  });

  it('links only to page parts, lessons and http(s) pages, and shows images of the site only', () => {
    render(HOSTILE);
    const links = attributes().filter(({ name }) =>
      ['href', 'src', 'srcset', 'action', 'formaction', 'data', 'xlink:href'].includes(name),
    );
    expect(links).toEqual([
      { element: 'a', name: 'href', value: '#timeline' },
      { element: 'a', name: 'href', value: '#/lessons/gather' },
      { element: 'a', name: 'href', value: 'https://docs.python.org/3/' },
      { element: 'img', name: 'src', value: 'images/loop.png' },
      // Odd, but files of the site: Markdown percent-encodes the backslash and the space.
      { element: 'img', name: 'src', value: '/%5Cevil.example/track.png' },
      { element: 'img', name: 'src', value: '%5C%5Cevil.example/track.png' },
      { element: 'img', name: 'src', value: '%20//evil.example/track.png' },
    ]);
    for (const link of links) {
      expect(link.name === 'src' ? isSameSite(link.value) : isAllowedHref(link.value)).toBe(true);
    }
  });

  it('keeps the text of links it refuses, as inert text', () => {
    render(HOSTILE);
    const inert = [...host().querySelectorAll('span.lesson-inert-link')].map(
      (span) => span.textContent,
    );
    expect(inert).toEqual([
      'js',
      'JS',
      'tab',
      'entity',
      'spaced',
      'data',
      'vb',
      'file',
      'mail',
      'protocol-relative',
      'backslashes',
      'escaped',
      'other page',
      'query',
      'fragment',
      'js',
      'data',
      'far',
      'pr',
      'entity',
      'javascript:alert(1)',
      'vbscript:msgbox(1)',
      'someone@example.com',
      'reference',
      'reference image',
      'data reference',
      'in directive',
    ]);
  });

  it('drops raw HTML tags, keeping the Markdown text between them', () => {
    render(HOSTILE);
    // Outside code blocks, no tag shows as text, and no trace of the handlers.
    const prose = [...host().children]
      .filter((element) => element.tagName !== 'PRE')
      .map((element) => element.textContent)
      .join('\n');
    expect(prose).not.toContain('<');
    for (const gone of ['onerror', 'onclick', 'onload', 'html-link', "alert('block')"]) {
      expect(prose).not.toContain(gone);
    }
    expect(prose).toContain('html link');
    // The text between two inline tags is Markdown text, shown as text.
    expect(host().querySelector('h1')?.textContent).toBe("Title alert('heading')");
    const sentence = [...host().querySelectorAll('p')].find((p) =>
      p.textContent.startsWith('Some'),
    );
    expect(sentence?.innerHTML).toBe('Some bold text.');
  });

  it('shows text that only looks like HTML as text', () => {
    render('<img src=x onerror=alert("quoted")>');
    expect(host().innerHTML).toBe('<p>&lt;img src=x onerror=alert("quoted")&gt;</p>');
  });

  it('shows HTML inside code blocks as code text, never as elements', () => {
    render(HOSTILE);
    const blocks = [...host().querySelectorAll('pre code')].map((code) => code.textContent);
    expect(blocks).toEqual(['print("<script>alert(1)</script>")\n', '<script>alert(1)</script>\n']);
  });

  it('renders directives as plain containers, without their attributes', () => {
    render(HOSTILE);
    const directives = [...host().querySelectorAll('div')];
    expect(directives.map((div) => div.textContent.trim())).toEqual(['leaf', 'in directive']);
    expect(directives.flatMap((div) => [...div.attributes].map((each) => each.name))).toEqual([]);
  });
});

describe('links and images a lesson may use', () => {
  it('makes a page-part link that opens that part instead of navigating', () => {
    const openPart = render(
      PAGE_PARTS.map((part) => `[${part}](#${part})`).join(' ') + ' [not a part](#intro)',
    );
    const links = [...host().querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual(
      PAGE_PARTS.map((part) => `#${part}`),
    );
    expect(links.every((link) => link.className === 'lesson-part-link')).toBe(true);
    expect(links.some((link) => link.hasAttribute('target'))).toBe(false);
    for (const [index, link] of links.entries()) {
      let navigated = true;
      act(() => {
        navigated = link.dispatchEvent(
          new MouseEvent('click', { bubbles: true, cancelable: true }),
        );
      });
      expect(navigated).toBe(false);
      expect(openPart).toHaveBeenLastCalledWith(PAGE_PARTS[index]);
    }
    expect(openPart).toHaveBeenCalledTimes(PAGE_PARTS.length);
    expect(host().querySelector('span.lesson-inert-link')?.textContent).toBe('not a part');
  });

  it('links to other lessons in the page', () => {
    render('[Gather](#/lessons/gather)');
    const link = host().querySelector('a');
    expect(link?.getAttribute('href')).toBe('#/lessons/gather');
    expect(link?.hasAttribute('target')).toBe(false);
    expect(link?.className).toBe('');
  });

  it('opens other sites in a new tab that cannot reach back to the page', () => {
    render(
      '[docs](https://docs.python.org/3/library/asyncio.html "asyncio") and <http://example.com/>',
    );
    const links = [...host().querySelectorAll('a')];
    expect(
      links.map((link) => ({
        href: link.getAttribute('href'),
        target: link.getAttribute('target'),
        rel: link.getAttribute('rel'),
        text: link.textContent,
      })),
    ).toEqual([
      {
        href: 'https://docs.python.org/3/library/asyncio.html',
        target: '_blank',
        rel: 'noopener noreferrer',
        text: 'docs',
      },
      {
        href: 'http://example.com/',
        target: '_blank',
        rel: 'noopener noreferrer',
        text: 'http://example.com/',
      },
    ]);
  });

  it('shows images of the site with their alt text', () => {
    render('![The event loop](images/loop.png) ![root](/images/root.png)');
    expect(
      [...host().querySelectorAll('img')].map((img) => [
        img.getAttribute('src'),
        img.getAttribute('alt'),
      ]),
    ).toEqual([
      ['images/loop.png', 'The event loop'],
      ['/images/root.png', 'root'],
    ]);
  });
});

describe('tables', () => {
  it('renders a GitHub-style table with its header row and cells', () => {
    render('| API | waits for |\n| --- | --- |\n| `gather` | all |\n| `wait` | you choose |');
    const table = host().querySelector('table');
    expect([...(table?.querySelectorAll('th') ?? [])].map((cell) => cell.textContent)).toEqual([
      'API',
      'waits for',
    ]);
    expect(
      [...(table?.querySelectorAll('tbody tr') ?? [])].map((row) =>
        [...row.querySelectorAll('td')].map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['gather', 'all'],
      ['wait', 'you choose'],
    ]);
  });
});

describe('code in lessons', () => {
  it('highlights Python blocks with highlight.js classes', () => {
    render('```python\nasync def main():\n    await asyncio.sleep(1)  # nap\n```\n');
    const code = host().querySelector('pre > code');
    expect(code?.className).toBe('language-python hljs');
    expect(code?.textContent).toBe('async def main():\n    await asyncio.sleep(1)  # nap\n');
    const keywords = [...(code?.querySelectorAll('.hljs-keyword') ?? [])].map(
      (span) => span.textContent,
    );
    expect(keywords).toEqual(expect.arrayContaining(['async', 'def', 'await']));
    expect(code?.querySelector('.hljs-comment')?.textContent).toBe('# nap');
    expect(code?.querySelector('.hljs-number')?.textContent).toBe('1');
  });

  it('leaves blocks of other languages and inline code unhighlighted', () => {
    render('```text\ndef not_python\n```\n\nCall `await x` here.');
    expect(host().querySelector('pre > code')?.className).toBe('language-text');
    expect(host().querySelector('.hljs, [class*="hljs-"]')).toBeNull();
    expect(host().querySelector('p > code')?.textContent).toBe('await x');
  });

  it('shows a program highlighted, without its final line break', () => {
    testRoot.render(<PythonCode code={'import asyncio\nprint("<b>hi</b>")\n'} />);
    const code = host().querySelector('pre > code');
    expect(code?.className).toBe('language-python hljs');
    expect(code?.textContent).toBe('import asyncio\nprint("<b>hi</b>")');
    expect(code?.querySelector('.hljs-string')?.textContent).toBe('"<b>hi</b>"');
    expect(code?.querySelector('b')).toBeNull();
  });
});
