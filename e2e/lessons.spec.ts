// The lessons as a learner meets them: find lesson 1 in the Lessons
// navigation, run its example, fail its exercise, read a hint, pass it, find
// the progress kept after a reload, answer a question wrongly and see why,
// follow a timeline mistake to its lesson, and open a lesson by its address.
import { expect, FINISHED, SEED_OUTPUT, SEED_PROGRAM, test, refuseStorage } from './fixtures';

const LESSON_1 = 'Lesson 1: Coroutines and the event loop';
const SOLUTION = SEED_PROGRAM.replace(
  '    await greet("Bob")\n',
  '    await greet("Bob")\n    await greet("Carol")\n',
);

test('a learner works through lesson 1 and keeps their progress', async ({ playground }) => {
  // A whole journey: many runs, a reload, Python started twice.
  test.slow();
  const { page } = playground;
  const lesson = page.getByRole('article', { name: LESSON_1 });
  const exercise = page.getByRole('region', { name: /Exercise: Greet a third guest/ });
  const feedback = exercise.getByRole('status', { name: 'Feedback' });

  await test.step('lesson 1 is found in the Lessons navigation', async () => {
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Lessons' })
      .click();
    await page
      .getByRole('navigation', { name: 'Lessons' })
      .getByRole('link', { name: /Coroutines and the event loop/ })
      .click();
    await expect(lesson).toBeVisible();
    await expect(page).toHaveURL(/#\/lessons\/coroutines-and-the-event-loop$/);
  });

  await test.step('its first example opens in the editor and runs', async () => {
    await lesson.getByRole('button', { name: 'Open example 1 in editor' }).click();
    await playground.expectProgram(SEED_PROGRAM);
    await playground.runButton.click();
    await expect(playground.outputLines).toHaveText(SEED_OUTPUT);
    await expect(playground.status).toHaveText(FINISHED);
  });

  await test.step('the starter fails the check, with a sentence about its line', async () => {
    await exercise.getByRole('button', { name: 'Check' }).click();
    await expect(feedback).toHaveText(
      /Not yet: The coroutine greet\(\) was created but never awaited: add await in front of the call on line 8\./,
    );
  });

  await test.step('hints come one at a time', async () => {
    await exercise.getByRole('button', { name: 'Show hint 1 of 2' }).click();
    await expect(exercise.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(
      1,
    );
    await expect(exercise.getByRole('button', { name: 'Show hint 2 of 2' })).toBeVisible();
  });

  await test.step('the right program passes', async () => {
    await playground.setProgram(SOLUTION);
    await exercise.getByRole('button', { name: 'Check' }).click();
    await expect(feedback).toHaveText(/Passed/);
  });

  await test.step('after a reload the exercise is still passed and still in the editor', async () => {
    await playground.reload();
    await expect(exercise).toContainText('✓ passed');
    await expect(page.getByLabel('Editing')).toHaveText('Exercise: Greet a third guest');
    await playground.expectProgram(SOLUTION);
    await page.getByText('All lessons').click();
    await expect(
      page.getByRole('navigation', { name: 'Lessons' }).getByRole('listitem').first(),
    ).toContainText('✓ done');
  });

  await test.step('a wrong prediction is answered, with the run on the timeline', async () => {
    const question = lesson.getByRole('group', { name: /Predict, then run/ });
    await question.getByRole('radio').first().check();
    await question.getByRole('button', { name: 'Run to see' }).click();
    await expect(question.getByRole('status', { name: 'Result' })).toContainText('Not quite');
    await expect(playground.outputLines.last()).toHaveText('Hello, Carol!');
    await expect(playground.output).not.toContainText('Hello, Bob!');
    await question.getByRole('link', { name: 'timeline' }).click();
    await expect(page.getByRole('region', { name: 'Timeline' })).toHaveClass(/page-part-highlight/);
    await expect(page.getByRole('region', { name: 'Run summary' })).toContainText('never awaited');
  });

  await test.step('the playground keeps its own program', async () => {
    await page.getByRole('link', { name: 'Playground' }).click();
    await playground.expectProgram(SEED_PROGRAM);
  });
});

test('a mistake on the timeline links to the lesson that explains it', async ({ playground }) => {
  const { page } = playground;
  await playground.setProgram(
    SEED_PROGRAM.replace('    await greet("Alice")\n', '    greet("Alice")\n'),
  );
  await playground.runButton.click();
  await expect(playground.status).toHaveText(FINISHED);
  await page
    .getByRole('region', { name: 'Run summary' })
    .getByRole('link', { name: /Learn more/ })
    .click();
  await expect(page.getByRole('article', { name: LESSON_1 })).toBeVisible();
});

test('a lesson opens by its address, and Back returns to the one before', async ({
  playground,
}) => {
  const { page } = playground;
  await page.goto('./#/lessons/timeouts');
  await expect(page.getByRole('article', { name: /Lesson 8: Timeouts/ })).toBeVisible();
  await page.getByRole('link', { name: /Previous:/ }).click();
  await expect(page.getByRole('article', { name: /^Lesson [67]/ })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('article', { name: /Lesson 8: Timeouts/ })).toBeVisible();
});

test('without storage the lessons still check exercises and say progress will not be kept', async ({
  page,
  playground,
}) => {
  await refuseStorage(page);
  await page.goto('./#/lessons');
  await playground.reload();
  await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('note')).toContainText(
    'your progress lasts until you close it',
  );
  await page.getByRole('link', { name: /Coroutines and the event loop/ }).click();
  const exercise = page.getByRole('region', { name: /Exercise: Greet a third guest/ });
  await exercise.getByRole('button', { name: 'Open exercise in editor' }).click();
  await playground.setProgram(SOLUTION);
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status', { name: 'Feedback' })).toHaveText(/Passed/);
  await expect(page.getByRole('note', { name: 'Saving' })).toContainText('will not be kept');
});

test('the solution appears after a first Check, and Reset exercise brings back the starter', async ({
  playground,
}) => {
  const { page } = playground;
  await page.goto('./#/lessons/coroutines-and-the-event-loop');
  const exercise = page.getByRole('region', { name: /Exercise: Greet a third guest/ });
  await expect(exercise).toContainText('The solution can be seen after your first Check.');
  await expect(exercise.getByText('Solution', { exact: true })).toHaveCount(0);

  await exercise.getByRole('button', { name: 'Open exercise in editor' }).click();
  await playground.setProgram('print("mine")\n');
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status', { name: 'Feedback' })).toHaveText(/Not yet/);
  await exercise.getByText('Solution', { exact: true }).click();
  await expect(exercise.locator('.lesson-solution pre')).toContainText('await greet("Carol")');

  page.once('dialog', (dialog) => void dialog.accept());
  await exercise.getByRole('button', { name: 'Reset exercise' }).click();
  // The starter forgets to await greet("Bob").
  await expect.poll(() => playground.shownProgram()).toContain('\n    greet("Bob")');
  await expect.poll(() => playground.shownProgram()).not.toContain('print("mine")');
});
