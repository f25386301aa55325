// Lessons from outside the build: an instructor's lesson file opened by its
// address on the site, or chosen or dropped by the learner; rendered as the
// course's are, with where it comes from said first; refused, with the
// reason, when it is malformed, hostile, oversized or out of reach.
import type { Page, TestInfo } from '@playwright/test';
import { expect, PYTHON_START_TIMEOUT, test } from './fixtures';

/** The site's example lesson (public/examples/sleeping-together.md), by its full address. */
function exampleAddress(testInfo: TestInfo): string {
  return new URL('examples/sleeping-together.md', testInfo.project.use.baseURL ?? '').href;
}

const FRONT = `---
id: tasks
title: A dropped lesson
order: 1
summary: Written by a teacher.
assumes: []
explains: []
---

# A dropped lesson
`;

/** Drops a file onto the "Open a lesson file" area, as a person dragging it from their desktop. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const target = page.getByRole('region', { name: 'Open a lesson file' });
  const transfer = await page.evaluateHandle(
    ([fileName, contents]) => {
      const data = new DataTransfer();
      data.items.add(new File([contents], fileName, { type: 'text/markdown' }));
      return data;
    },
    [name, text] as const,
  );
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

test('a lesson file on the site opens by its address, says where it comes from, and its exercise checks', async ({
  playground,
}, testInfo) => {
  const { page } = playground;
  await page.goto('./#/lessons');
  const open = page.getByRole('region', { name: 'Open a lesson file' });
  await open.getByRole('textbox', { name: 'Address' }).fill('examples/sleeping-together.md');
  await open.getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(/#\/lesson-url\//);

  const origin = new URL(exampleAddress(testInfo)).origin;
  await expect(page.getByRole('note', { name: 'Where this lesson comes from' })).toHaveText(
    `This lesson comes from ${origin} (${exampleAddress(testInfo)}), not from Loopscope: its text and programs are its author’s.`,
  );
  const lesson = page.getByRole('article', { name: 'Lesson 90: Sleeping together' });
  await expect(lesson).toBeVisible();
  const exercise = lesson.getByRole('region', { name: /Exercise: Nap together/ });
  await exercise.getByRole('button', { name: 'Open exercise in editor' }).click();
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status', { name: 'Feedback' })).toHaveText(/Not yet/, {
    timeout: PYTHON_START_TIMEOUT,
  });
});

/**
 * The site's example lesson served by the other preview server (port + 1):
 * another origin, which the test build lists (tools/test-all.sh builds with
 * LOOPSCOPE_LESSON_ORIGINS), and the same server by a name it does not list.
 */
function otherSites(testInfo: TestInfo): { site: URL; listed: URL; unlisted: URL } {
  const site = new URL(testInfo.project.use.baseURL ?? '');
  const listed = new URL(exampleAddress(testInfo));
  listed.port = String(Number(site.port) + 1);
  const unlisted = new URL(listed.href);
  unlisted.hostname = 'localhost';
  return { site, listed, unlisted };
}

test('a lesson file on a site the owner listed opens, and says which site it comes from', async ({
  playground,
}, testInfo) => {
  const { page } = playground;
  const { listed } = otherSites(testInfo);
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(
    policy,
    `build the site with LOOPSCOPE_LESSON_ORIGINS=${listed.origin} (tools/test-all.sh does)`,
  ).toContain(`connect-src 'self' ${listed.origin};`);

  await page.goto('./#/lessons');
  const open = page.getByRole('region', { name: 'Open a lesson file' });
  await expect(open).toContainText(`by its address on this site or on ${listed.origin}`);
  await open.getByRole('textbox', { name: 'Address' }).fill(listed.href);
  await open.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('note', { name: 'Where this lesson comes from' })).toHaveText(
    `This lesson comes from ${listed.origin} (${listed.href}), not from Loopscope: its text and programs are its author’s.`,
  );
  const lesson = page.getByRole('article', { name: 'Lesson 90: Sleeping together' });
  await lesson.getByRole('button', { name: 'Open example 1 in editor' }).click();
  await playground.runButton.click();
  await expect(playground.outputLines).toHaveText(['cat woke up', 'dog woke up'], {
    timeout: PYTHON_START_TIMEOUT,
  });
});

test('a lesson out of reach says why: a site not listed, a missing file', async ({
  playground,
}, testInfo) => {
  const { page } = playground;
  const { site, listed, unlisted } = otherSites(testInfo);
  await page.goto(`./#/lesson-url/${encodeURIComponent(unlisted.href)}`);
  const problems = page.getByRole('alert').filter({ hasText: 'This lesson file cannot be shown' });
  await expect(problems).toContainText(
    `this site opens lesson files from its own address (${site.origin}) and from ${listed.origin} only, not from ${unlisted.origin}: download the file and drop it onto the page instead`,
  );
  await expect(page.getByRole('note', { name: 'Where this lesson comes from' })).toContainText(
    unlisted.origin,
  );

  await page.goto(
    `./#/lesson-url/${encodeURIComponent(new URL('examples/missing.md', site).href)}`,
  );
  // The preview server, like many hosts, answers a missing file with the site's page.
  await expect(problems).toContainText(
    'the address gives a web page, not a lesson file (is it right?)',
  );
});

test('a dropped lesson file is rendered safely, and hostile or broken ones are refused', async ({
  playground,
}) => {
  const { page } = playground;
  await page.goto('./#/lessons');
  await dropFile(
    page,
    'links.md',
    `${FRONT}\nSee [the docs](https://docs.python.org/3/library/asyncio.html) and [this](javascript:alert(1)).\n`,
  );
  await expect(page).toHaveURL(/#\/lesson-file$/);
  await expect(page.getByRole('note', { name: 'Where this lesson comes from' })).toHaveText(
    'This lesson comes from the file links.md you opened, not from Loopscope: its text and programs are its author’s.',
  );
  const lesson = page.getByRole('article', { name: 'Lesson 1: A dropped lesson' });
  await expect(lesson.getByRole('link', { name: 'the docs' })).toHaveAttribute(
    'href',
    'https://docs.python.org/3/library/asyncio.html',
  );
  // The javascript: link is text, not a link.
  await expect(lesson.getByText('this', { exact: true })).toBeVisible();
  await expect(lesson.getByRole('link', { name: 'this', exact: true })).toHaveCount(0);

  const problems = page.getByRole('alert').filter({ hasText: 'This lesson file cannot be shown' });
  await page.goto('./#/lessons');
  await dropFile(page, 'script.md', `${FRONT}\n<script>document.title = 'owned'</script>\n`);
  await expect(problems).toContainText('script.md:12: raw HTML is not allowed in a lesson');
  await expect(page).not.toHaveTitle('owned');

  await page.goto('./#/lessons');
  await dropFile(page, 'notes.md', '# Just my notes\n');
  await expect(problems).toContainText(
    'notes.md:1: a lesson starts with frontmatter between two "---" lines',
  );

  await page.goto('./#/lessons');
  await page.getByLabel('Or choose a file:').setInputFiles({
    name: 'huge.md',
    mimeType: 'text/markdown',
    buffer: Buffer.alloc(300 * 1024, 'x'),
  });
  await expect(problems).toContainText('it is larger than 256 KB, which no lesson needs');
});
