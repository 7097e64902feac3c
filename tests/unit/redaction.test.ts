/**
 * Redaction fails closed: a corpus of planted secrets (one per kind) is detected, redacted out of
 * display text and rejected from manifests; property tests (fast-check) show the same for
 * generated secrets embedded in arbitrary text, and that redacted text always scans clean.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSecrets, hasHostPath, redactText, stripUrl, unsafeValues, type SecretKind } from '../../src/worldforge/redaction.ts';
import { REPLAY_API_KEY } from '../../src/worldforge/evidence/suite/replay.ts';

interface Planted {
  kind: SecretKind;
  value: string;
  carrier: string;
}
const corpus: { secrets: Planted[] } = JSON.parse(
  readFileSync(new URL('../../fixtures/redaction/planted-secrets.json', import.meta.url), 'utf8'),
);

describe('planted secret corpus', () => {
  it('holds one secret per kind, and the replay key is one of them', () => {
    const kinds = corpus.secrets.map((s) => s.kind).sort();
    expect(kinds).toEqual(['api-key', 'bearer-token', 'host-path', 'secret-assignment', 'signed-url', 'url-userinfo']);
    expect(corpus.secrets.map((s) => s.value)).toContain(REPLAY_API_KEY);
  });

  for (const secret of corpus.secrets) {
    it(`${secret.kind}: detected, redacted out of text, rejected from JSON`, () => {
      expect(secret.carrier).toContain(secret.value);
      expect(findSecrets(secret.carrier).map((h) => h.kind)).toContain(secret.kind);
      const redacted = redactText(secret.carrier);
      expect(redacted).not.toContain(secret.value);
      expect(findSecrets(redacted)).toEqual([]);
      expect(unsafeValues({ message: secret.carrier })).toEqual([{ path: 'message', reason: expect.stringContaining(secret.kind) }]);
      // The masked preview shown by the check never carries the secret.
      for (const hit of findSecrets(secret.carrier))
        expect(secret.carrier.includes(hit.preview.replace('…', '')) && hit.preview.length <= 5).toBe(true);
    });
  }
});

describe('detection boundaries', () => {
  it('flags host-local paths of every platform but not URL paths or relative paths', () => {
    for (const path of [
      '/Users/ada/x',
      '/home/ada/x',
      '/tmp/run/x',
      '/private/var/x',
      '/var/folders/ab/x',
      '~/clips/a.mp4',
      'C:\\Users\\ada',
      'file:///srv/a',
    ]) {
      expect(hasHostPath(`saw ${path} there`), path).toBe(true);
    }
    for (const text of ['https://example.com/home/page', 'docs/tmp/notes.md', 'fixtures/providers/runway/x.json', 'a ~ b', 'ratio 16:9']) {
      expect(hasHostPath(text), text).toBe(false);
      expect(findSecrets(text), text).toEqual([]);
    }
  });

  it('rejects sensitive keys with values and URLs with any query, but accepts env var names and plain URLs', () => {
    expect(unsafeValues({ api_key: 'x' })).toHaveLength(1);
    expect(unsafeValues({ headers: { Authorization: 'x' } })).toEqual([{ path: 'headers.Authorization', reason: expect.any(String) }]);
    expect(unsafeValues({ url: 'https://cdn.example.com/a.mp4?v=1' })).toEqual([{ path: 'url', reason: expect.stringContaining('query') }]);
    expect(unsafeValues({ env_summary: [{ name: 'RUNWAYML_API_SECRET', present: true }], url: 'https://api.dev.runwayml.com/v1' })).toEqual(
      [],
    );
    expect(unsafeValues({ token: null, secret: '' })).toEqual([]);
  });
});

/** Token-ish strings long enough for every detector (≥ 8 characters for bearer tokens). */
const token = fc.stringMatching(/^[A-Za-z0-9]{12,40}$/);
/** Surrounding prose without characters that would glue onto the secret. */
const prose = fc.stringMatching(/^[a-z ,.()]{0,40}$/);

describe('property: redaction removes what detection finds', () => {
  const embeddings: [string, (t: string) => string][] = [
    ['signed URL query', (t) => `https://cdn.example.com/v/out.mp4?X-Amz-Signature=${t}&X-Amz-Expires=60`],
    ['bearer token', (t) => `Authorization: Bearer ${t}`],
    ['runway-style key', (t) => `key_${t}${t}${'0'.repeat(32)}`],
    ['NVIDIA-style key', (t) => `nvapi-${t}${'a'.repeat(20)}`],
    ['secret assignment', (t) => `api_key=${t}`],
    ['json secret', (t) => `{"password": "${t}"}`],
    ['userinfo URL', (t) => `https://user:${t}@cdn.example.com/a.mp4`],
    ['home path', (t) => `/home/${t}/clip.mp4`],
    ['macOS path', (t) => `/Users/${t}/clip.mp4`],
    ['windows path', (t) => `C:\\Users\\${t}\\clip.mp4`],
  ];
  for (const [name, embed] of embeddings) {
    it(`${name}: detected in any prose, and gone after redactText`, () => {
      fc.assert(
        fc.property(prose, token, prose, (before, secret, after) => {
          const text = `${before} ${embed(secret)} ${after}`;
          expect(findSecrets(text).length).toBeGreaterThan(0);
          expect(unsafeValues({ text })).toHaveLength(1);
          const redacted = redactText(text);
          expect(redacted).not.toContain(secret);
          expect(findSecrets(redacted)).toEqual([]);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('redactText is idempotent and never introduces a finding', () => {
    fc.assert(
      // Plain strings plus strings built from the characters secrets and URLs are made of.
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.stringMatching(/^(https?:\/\/|Bearer |token=|key_|\/home\/|~\/|[a-zA-Z0-9:/=?&.@ "_-]){0,30}$/),
        ),
        (text) => {
          const once = redactText(text);
          expect(redactText(once)).toBe(once);
          expect(findSecrets(once)).toEqual([]);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('stripUrl keeps scheme, host and path, and drops every query, fragment and userinfo', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const stripped = stripUrl(url);
        const parsed = new URL(url);
        expect(stripped).toBe(`${parsed.protocol}//${parsed.host}${parsed.pathname}`);
        expect(new URL(stripped).search).toBe('');
      }),
      { numRuns: 200 },
    );
  });
});

describe('redactUpstreamText', () => {
  it('redacts, strips control characters and caps untrusted upstream text', async () => {
    const { redactUpstreamText } = await import('../../src/worldforge/redaction.ts');
    expect(redactUpstreamText('task\u0000 failed: Bearer abcdefghijkl0123')).toBe('task  failed: Bearer [redacted]');
    const long = redactUpstreamText(`${'x'.repeat(5000)} Bearer abcdefghijkl0123`, { max: 40 });
    expect(long.startsWith('x'.repeat(40))).toBe(true);
    expect(long).toContain('truncated');
    expect(long).not.toContain('abcdefghijkl0123');
  });
});

describe('classes the scanner covers beyond the planted corpus', () => {
  const token = 'q7Wm2Zp9Lk4Rt8Yx3Nb6Vc1D';
  const signed = `https://bucket.example.com/o.mp4?X-Amz-Signature=${token}`;
  const cases: [string, string][] = [
    ['lowercase bearer', `authorization: bearer ${token}`],
    ['basic auth', `Authorization: Basic ${Buffer.from('deploy:hunter2hunter2').toString('base64')}`],
    ['url-encoded signed URL', `next=${encodeURIComponent(signed)}`],
    ['nested signed URL', `https://proxy.example.com/?u=${encodeURIComponent(signed)}`],
    ['JSON-escaped URL', signed.replaceAll('/', '\\/')],
    ['HTML-escaped query', `https://x.example.com/a?b=1&amp;sig=${token}`],
    ['?auth= query', `https://api.example.com/v1?auth=${token}`],
    ['fragment token', `https://app.example.com/cb#access_token=${token}`],
    ['base64 of a secret', Buffer.from(`password=${token}`).toString('base64')],
    ['/root path', 'saved to /root/.cache/wf/out.mp4'],
    ['database URL', `postgres://admin:${token}@db.internal/prod`],
    ['private key block', ['-----BEGIN', 'PRIVATE KEY-----'].join(' ')],
  ];
  for (const [name, text] of cases) {
    it(`${name}: detected, redacted to a clean fixed point, rejected from JSON`, () => {
      expect(findSecrets(text).length, name).toBeGreaterThan(0);
      const redacted = redactText(text);
      expect(redacted).not.toContain(token);
      expect(findSecrets(redacted)).toEqual([]);
      expect(redactText(redacted)).toBe(redacted);
      expect(unsafeValues({ text }), name).toHaveLength(1);
    });
  }

  it('redacts a private key block through its END line, keeping the text around it', () => {
    const pem = ['-----BEGIN RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAq7Wm2Zp9Lk4Rt8Yx3Nb6Vc1D', '-----END RSA PRIVATE KEY-----'].join('\n');
    expect(redactText(`before\n${pem}\nafter`)).toBe('before\n[redacted]\nafter');
  });

  it('leaves prose words, env var names, numbers and placeholders alone', () => {
    for (const text of [
      'bearer authentication is described below',
      'auth-failure: the upstream answered 401',
      'max_tokens: 100000',
      'api_key: RUNWAYML_API_SECRET',
      `token: ${'$'}{{ secrets.RUNWAY }}`,
      'Authorization: Bearer [redacted]',
      'a sk-learn-style pipeline',
      'see https://example.com/home/page and docs/tmp/notes.md',
      'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    ]) {
      expect(findSecrets(text), text).toEqual([]);
    }
  });
});
