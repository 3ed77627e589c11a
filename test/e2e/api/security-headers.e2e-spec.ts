import { join } from 'node:path';
import type { Response } from 'supertest';
import { startTestApp, type TestApp } from './test-app';

const CONSOLE_DIR = join(__dirname, '../../../apps/console/public');

/**
 * Security headers on everything the API serves: its JSON and problems, the OpenAPI UI at /docs, and the console's
 * page and assets at / and /console/. The console's policy allows nothing but this origin and no inline code; the
 * browser suite (test/browser) proves the console works under it.
 */
describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ CONSOLE_DIR });
  });
  afterAll(() => t.close());

  function directives(res: Response): Map<string, string[]> {
    const header = res.headers['content-security-policy'];
    expect(typeof header).toBe('string');
    return new Map(
      (header as string).split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
  }

  function expectHardened(res: Response) {
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
    const csp = directives(res);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    return csp;
  }

  it('on the console page and its assets: same origin only, no inline script or style', async () => {
    for (const path of ['/', '/console/console.css', '/console/favicon.svg', '/favicon.ico']) {
      const res = await t.anonymous.get(path).expect(200);
      const csp = expectHardened(res);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
      expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
    }
    const page = await t.anonymous.get('/').expect(200);
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // every script is a file
    expect(page.text).not.toMatch(/<style|\sstyle=/);
    expect(page.text).toContain('rel="icon"');
    expect((await t.anonymous.get('/favicon.ico').expect(200)).headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it('on the API: answers, problems and unknown routes', async () => {
    expectHardened(await t.http.get('/api/v1/session').expect(200));
    expectHardened(await t.anonymous.get('/api/v1/session').expect(401));
    expectHardened(await t.http.post('/api/v1/cases').send({}).expect(400));
    expectHardened(await t.anonymous.get('/api/v1/no-such-route').expect(404));
    expectHardened(await t.anonymous.get('/health/live').expect(200));
  });

  it('on the OpenAPI UI: scripts from this origin only, inline styles allowed for swagger-ui', async () => {
    const page = await t.anonymous.get('/docs').redirects(1);
    expect(page.status).toBe(200);
    const csp = expectHardened(page);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expectHardened(await t.anonymous.get('/docs/swagger-ui-init.js').expect(200));
    expectHardened(await t.anonymous.get('/docs-json').expect(200));
  });
});
