/**
 * The adversarial corpus: secret shapes a leak gate must catch, as real scanners and reviewers
 * see them — cloud and SaaS credential formats, JWTs, private-key blocks, authorization headers,
 * `name=value` secrets, signed URLs (plain, URL-encoded, nested, double-encoded, JSON-escaped,
 * HTML-escaped, relative), credentials in URLs, host-local paths of every platform, and secrets
 * hidden in base64 or string escapes. tests/unit/adversarial-corpus.test.ts plants every shape
 * into every input channel and shows that the check catches each one and that the build stops.
 *
 * Every value is FAKE and is assembled at run time from fragments and a seeded generator, so the
 * repository never holds a string that looks like a live credential (GitHub push protection and
 * the project's own scan would rightly block it). `secret` is the part that must never appear in
 * anything the check prints.
 */

export interface SecretShape {
  /** Stable id, shown in the tried/caught table. */
  id: string;
  /** The class of leak the shape belongs to. */
  family: 'credential' | 'header' | 'assignment' | 'url' | 'host-path' | 'encoded';
  /** One line of text carrying the secret, as it would appear in a file. */
  text: string;
  /** The secret itself: no finding or report may contain it. */
  secret: string;
}

/** Deterministic pseudo-random characters from `alphabet` (a linear congruential generator). */
function chars(length: number, alphabet: string, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    // The high bits: an LCG's low bits repeat with a short period.
    out += alphabet[Math.floor(state / 65536) % alphabet.length];
  }
  return out;
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';
const B64 = `${ALNUM}+/`;
const B64URL = `${ALNUM}-_`;

/** Joins fragments: keeps every prefix apart from its body in this source file. */
const j = (...parts: string[]) => parts.join('');
const b64 = (text: string) => Buffer.from(text).toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');

const s3Signature = chars(64, HEX, 11);
const signedS3 = j(
  'https://wf-artifacts.s3.amazonaws.com/out/clip.mp4?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=',
  j('AKIA', chars(16, UPPER + DIGITS, 12)),
  '%2F20300101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Expires=600&X-Amz-Signature=',
  s3Signature,
);
const awsId = j('AKIA', chars(16, UPPER + DIGITS, 1));
const awsTemp = j('AS', 'IA', chars(16, UPPER + DIGITS, 2));
const awsSecret = j(chars(18, B64, 3), '/', chars(10, ALNUM, 4), '+', chars(10, B64, 5));
const bearer = chars(40, `${ALNUM}._-`, 6);
const password = j('wf', chars(14, ALNUM, 7), '!9');
const stripe = j('sk', '_live_', chars(24, ALNUM, 8));
const jwtToken = j(
  b64url('{"alg":"HS256","typ":"JWT"}'),
  '.',
  b64url('{"sub":"worldforge-ci","exp":1900000000}'),
  '.',
  chars(43, B64URL, 9),
);
const pemBody = chars(64, B64, 10);

const shape = (id: string, family: SecretShape['family'], text: string, secret: string): SecretShape => ({ id, family, text, secret });

/** Every shape (each a single line; multi-line secrets such as PEM blocks start on their line). */
export const SECRET_SHAPES: readonly SecretShape[] = [
  // Credential formats (secretlint's recommended preset and the project's key formats).
  shape('aws-access-key-id', 'credential', `aws access key ${awsId} in use`, awsId),
  shape('aws-temporary-key-id', 'credential', `session key ${awsTemp}`, awsTemp),
  shape('aws-secret-assignment', 'credential', `aws_secret_access_key = ${awsSecret}`, awsSecret),
  shape('aws-secret-bare', 'credential', `the worker printed ${awsSecret} on start`, awsSecret),
  shape('github-classic-token', 'credential', j('token ', 'ghp', '_', chars(36, ALNUM, 20)), chars(36, ALNUM, 20)),
  shape('github-oauth-token', 'credential', j('gho', '_', chars(36, ALNUM, 21)), chars(36, ALNUM, 21)),
  shape(
    'github-fine-grained-pat',
    'credential',
    j('github', '_pat_', '11', chars(20, UPPER + DIGITS, 22), '_', chars(59, ALNUM, 23)),
    chars(59, ALNUM, 23),
  ),
  shape(
    'slack-bot-token',
    'credential',
    j('xo', 'xb-', chars(12, DIGITS, 24), '-', chars(13, DIGITS, 25), '-', chars(24, ALNUM, 26)),
    chars(24, ALNUM, 26),
  ),
  shape(
    'slack-user-token',
    'credential',
    j('xo', 'xp-', chars(12, DIGITS, 27), '-', chars(13, DIGITS, 28), '-', chars(32, HEX, 29)),
    chars(32, HEX, 29),
  ),
  shape(
    'slack-webhook-url',
    'credential',
    j(
      'https://hooks.slack',
      '.com/services/T',
      chars(10, UPPER + DIGITS, 30),
      '/B',
      chars(10, UPPER + DIGITS, 31),
      '/',
      chars(24, ALNUM, 32),
    ),
    chars(24, ALNUM, 32),
  ),
  shape('stripe-live-secret-key', 'credential', `stripe key ${stripe}`, stripe),
  shape('stripe-restricted-key', 'credential', j('rk', '_live_', chars(24, ALNUM, 33)), chars(24, ALNUM, 33)),
  shape('google-api-key', 'credential', j('maps key AI', 'za', chars(35, `${ALNUM}-_`, 34)), chars(35, `${ALNUM}-_`, 34)),
  shape('google-oauth-client-secret', 'credential', j('GOC', 'SPX-', chars(28, `${ALNUM}-_`, 35)), chars(28, `${ALNUM}-_`, 35)),
  shape('openai-project-key', 'credential', j('sk', '-proj-', chars(48, `${ALNUM}-_`, 36)), chars(48, `${ALNUM}-_`, 36)),
  shape('anthropic-key', 'credential', j('sk', '-ant-api03-', chars(93, `${ALNUM}-_`, 37), 'AA'), chars(93, `${ALNUM}-_`, 37)),
  shape('npm-token', 'credential', j('np', 'm_', chars(36, ALNUM, 38)), chars(36, ALNUM, 38)),
  shape('gitlab-token', 'credential', j('gl', 'pat-', chars(20, `${ALNUM}-_`, 39)), chars(20, `${ALNUM}-_`, 39)),
  shape('huggingface-token', 'credential', j('h', 'f_', chars(34, ALNUM, 40)), chars(34, ALNUM, 40)),
  shape('runway-key', 'credential', j('RUNWAYML_API_SECRET is ke', 'y_', chars(64, HEX, 41)), chars(64, HEX, 41)),
  shape('nvidia-key', 'credential', j('nv', 'api-', chars(64, `${ALNUM}-_`, 42)), chars(64, `${ALNUM}-_`, 42)),
  shape('jwt', 'credential', `session ${jwtToken}`, jwtToken.split('.')[2] as string),
  shape('pem-rsa-private-key', 'credential', j('-----BEGIN RSA ', 'PRIVATE KEY----- ', pemBody), pemBody),
  shape('pem-openssh-private-key', 'credential', j('-----BEGIN OPENSSH ', 'PRIVATE KEY----- ', chars(64, B64, 43)), chars(64, B64, 43)),
  shape('pem-pkcs8-private-key', 'credential', j('-----BEGIN ', 'PRIVATE KEY----- ', chars(64, B64, 44)), chars(64, B64, 44)),
  // Authorization headers.
  shape('bearer-header', 'header', `Authorization: Bearer ${bearer}`, bearer),
  shape('bearer-lowercase', 'header', `authorization: bearer ${chars(32, ALNUM, 45)}`, chars(32, ALNUM, 45)),
  shape('basic-auth-header', 'header', `Authorization: Basic ${b64(`deploy:${password}`)}`, b64(`deploy:${password}`)),
  shape('api-key-header', 'header', `X-Api-Key: ${chars(32, ALNUM, 46)}`, chars(32, ALNUM, 46)),
  // Secret assignments.
  shape('password-assignment', 'assignment', `db password=${password}`, password),
  shape('json-client-secret', 'assignment', `{"client_secret": "${chars(30, ALNUM, 47)}"}`, chars(30, ALNUM, 47)),
  shape('env-export', 'assignment', `export WF_UPLOAD_TOKEN=${chars(30, ALNUM, 48)}`, chars(30, ALNUM, 48)),
  // URLs with signatures, tokens or userinfo, in every encoding.
  shape('signed-s3-url', 'url', signedS3, s3Signature),
  shape(
    'signed-gcs-url',
    'url',
    `https://storage.googleapis.com/wf/out.mp4?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Signature=${chars(64, HEX, 49)}`,
    chars(64, HEX, 49),
  ),
  shape(
    'azure-sas-url',
    'url',
    `https://wf.blob.core.windows.net/c/o.mp4?sv=2022-11-02&se=2030-01-01&sp=r&sig=${encodeURIComponent(chars(44, B64, 50))}`,
    encodeURIComponent(chars(44, B64, 50)),
  ),
  shape('url-encoded-signed-url', 'url', `artifact=${encodeURIComponent(signedS3)}`, s3Signature),
  shape('nested-signed-url', 'url', `https://proxy.example.com/fetch?url=${encodeURIComponent(signedS3)}`, s3Signature),
  shape(
    'double-encoded-signed-url',
    'url',
    `https://proxy.example.com/r?next=${encodeURIComponent(encodeURIComponent(signedS3))}`,
    s3Signature,
  ),
  shape('json-escaped-signed-url', 'url', signedS3.replaceAll('/', '\\/'), s3Signature),
  shape('html-escaped-signed-url', 'url', `<a href="${signedS3.replaceAll('&', '&amp;')}">clip</a>`, s3Signature),
  shape('unicode-escaped-signed-url', 'url', signedS3.replaceAll('/', '\\u002f').replaceAll('=', '\\u003d'), s3Signature),
  shape('relative-signed-url', 'url', `/download/clip.mp4?X-Amz-Expires=600&X-Amz-Signature=${chars(64, HEX, 51)}`, chars(64, HEX, 51)),
  shape('auth-query-param', 'url', `https://api.example.com/v1/tasks?auth=${chars(32, ALNUM, 52)}`, chars(32, ALNUM, 52)),
  shape(
    'token-in-fragment',
    'url',
    `https://app.example.com/callback#access_token=${chars(32, ALNUM, 53)}&token_type=bearer`,
    chars(32, ALNUM, 53),
  ),
  shape('url-userinfo', 'url', `https://deploy:${password}@cdn.example.com/clip.mp4`, password),
  shape('database-url', 'url', `postgres://admin:${chars(20, ALNUM, 54)}@db.internal:5432/prod`, chars(20, ALNUM, 54)),
  // Host-local paths.
  shape('root-home-path', 'host-path', 'wrote /root/.config/worldforge/session.json', '/root/.config'),
  shape('linux-home-path', 'host-path', 'cache at /home/ci-runner/worldforge/out.mp4', '/home/ci-runner'),
  shape('macos-home-path', 'host-path', 'opened /Users/ada/Library/Caches/wf/clip.mp4', '/Users/ada'),
  shape('windows-path', 'host-path', 'saved C:\\Users\\ada\\AppData\\Local\\wf\\clip.mp4', 'C:\\Users\\ada'),
  shape('temp-path', 'host-path', 'staged in /tmp/wf-run-8731/clip.mp4', '/tmp/wf-run-8731'),
  shape('macos-temp-path', 'host-path', 'staged in /var/folders/xy/q1w2e3/T/wf/clip.mp4', '/var/folders/xy'),
  shape('file-url', 'host-path', 'source file:///srv/worldforge/private/clip.mp4', 'file:///srv'),
  shape('tilde-path', 'host-path', 'read ~/.aws/credentials for the key', '~/.aws'),
  // Secrets hidden in base64 or escapes.
  shape('base64-of-assignment', 'encoded', `config ${b64(`api_key=${chars(30, ALNUM, 55)}`)}`, b64(`api_key=${chars(30, ALNUM, 55)}`)),
  shape('base64-of-stripe-key', 'encoded', `blob ${b64(stripe)}`, b64(stripe)),
  shape('base64-of-signed-url', 'encoded', `payload ${b64(signedS3)}`, b64(signedS3).slice(0, 40)),
  shape(
    'hex-of-secret',
    'encoded',
    `dump ${Buffer.from(`token=${chars(24, ALNUM, 56)}`).toString('hex')}`,
    Buffer.from(`token=${chars(24, ALNUM, 56)}`).toString('hex'),
  ),
  shape('subscription-key-header', 'header', `Ocp-Apim-Subscription-Key: ${chars(32, HEX, 57)}`, chars(32, HEX, 57)),
];
