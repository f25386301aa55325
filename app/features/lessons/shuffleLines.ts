/**
 * The order an `order` question first shows its lines in: a shuffle that is
 * the same on every visit (seeded by the question's id) and never already
 * the answer.
 */
export function shuffleLines(lines: readonly string[], seedText: string): string[] {
  let seed = 0;
  for (const char of seedText) seed = (seed * 31 + char.charCodeAt(0)) >>> 0;
  const next = (): number => {
    // A small linear congruential generator: enough to mix a handful of lines.
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
  const shuffled = [...lines];
  for (let index = shuffled.length - 1; index > 0; index -= 1) {
    const other = Math.floor(next() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other] as string, shuffled[index] as string];
  }
  if (shuffled.every((line, index) => line === lines[index])) shuffled.reverse();
  return shuffled;
}
