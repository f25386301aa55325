import { describe, expect, it } from 'vitest';
import { contentSecurityPolicyFor, policyOfBuiltPage } from './contentSecurityPolicy';
import { parseLessonOrigins } from './lessonOrigins';

describe('parseLessonOrigins', () => {
  it('reads origins separated by commas or spaces, once each', () => {
    expect(parseLessonOrigins(undefined)).toEqual([]);
    expect(parseLessonOrigins('  ')).toEqual([]);
    expect(
      parseLessonOrigins(
        'https://courses.example.org, https://Teacher.GitHub.io/  http://127.0.0.1:4174 https://courses.example.org:443',
      ),
    ).toEqual([
      'https://courses.example.org',
      'https://teacher.github.io',
      'http://127.0.0.1:4174',
    ]);
  });

  it('refuses anything but a bare http(s) origin, naming it', () => {
    for (const entry of [
      'courses.example.org',
      'https://courses.example.org/lessons/',
      'https://courses.example.org/?x',
      'https://user@courses.example.org',
      'ftp://courses.example.org',
      'javascript:alert(1)',
      '*',
      "'self'",
    ]) {
      expect(() => parseLessonOrigins(`https://ok.example ${entry}`)).toThrow(
        `LOOPSCOPE_LESSON_ORIGINS: “${entry}” is not an origin like https://courses.example.org`,
      );
    }
  });
});

describe('the policy with lesson origins', () => {
  it('lets the page connect to its own origin and to the listed ones only', () => {
    expect(contentSecurityPolicyFor([])).toContain("connect-src 'self';");
    expect(contentSecurityPolicyFor(['https://a.example', 'https://b.example'])).toContain(
      "connect-src 'self' https://a.example https://b.example;",
    );
  });

  it('is read back from a built page as Vite writes it', () => {
    const policy = contentSecurityPolicyFor(['https://a.example']);
    const attribute = policy.replaceAll('&', '&amp;').replaceAll("'", '&#39;');
    const html = `<!doctype html><head><meta http-equiv="Content-Security-Policy" content="${attribute}"><title>x</title>`;
    expect(policyOfBuiltPage(html)).toBe(policy);
    expect(policyOfBuiltPage('<!doctype html><title>x</title>')).toBeNull();
  });
});
