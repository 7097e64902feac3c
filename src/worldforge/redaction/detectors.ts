/**
 * The project's own detectors: one entry per class of leak (known credential formats, JWTs,
 * private-key blocks, authorization headers, `name=value` secrets, URLs with signatures or
 * userinfo, host-local paths, bare high-entropy keys). Every pattern is written to run in linear
 * time on any input: no repeated quantified group, a start at a literal, one bounded class or a
 * look-behind (so a pattern never restarts at every offset of a long run), and unbounded
 * quantifiers only where nothing after them can fail and force backtracking (tests/unit/redaction-linear.test.ts checks the structure, the benchmark
 * `npm run bench:redaction` the timing). A cheap `hint` substring test runs first, so most
 * detectors never run on text that cannot hold their secret.
 */
import { carriesSensitiveParam, carriesUserInfo, isWebhookUrl, stripUrlText } from './urls.ts';

/** Kinds of unsafe content, as reported by `findSecrets` and the secret-scan check rules. */
export type SecretKind =
  | 'signed-url'
  | 'url-userinfo'
  | 'bearer-token'
  | 'authorization'
  | 'api-key'
  | 'jwt'
  | 'private-key'
  | 'secret-assignment'
  | 'high-entropy'
  | 'host-path'
  | 'credential';

export interface Detector {
  kind: SecretKind;
  /** Cheap test on the whole text; the pattern runs only when it passes. */
  hint: (text: string) => boolean;
  /** A global regex; its last capture group (when it has groups) is the secret value. */
  pattern: RegExp;
  /** Extra test on a match: false drops it (placeholders, env var names, prose words). */
  accept?: (match: RegExpExecArray) => boolean;
  /** Where the secret ends when it reaches past the match (a private key's body): the whole span is redacted. */
  extendEnd?: (input: string, matchEnd: number) => number;
  /** What replaces the value when redacting display text (default `[redacted]`). */
  replacement?: string | ((match: string) => string);
}

/** A URL for display: no query, fragment or userinfo (`?[redacted]` marks a removed query); a webhook URL keeps only its host. */
export function redactUrl(url: string): string {
  const base = stripUrlText(url);
  if (isWebhookUrl(base)) return `${base.slice(0, base.indexOf('/', base.indexOf('://') + 3))}/[redacted]`;
  return `${base}${/[?#]/.test(url) ? '?[redacted]' : ''}`;
}

const always = () => true;
const has =
  (...needles: string[]) =>
  (text: string) =>
    needles.some((needle) => text.includes(needle));
const hasI = (...needles: string[]) => {
  const re = new RegExp(needles.join('|'), 'i');
  return (text: string) => re.test(text);
};

/** A value that looks like a token rather than a prose word: it has a digit or symbol, or is long. */
export const looksLikeToken = (value: string) => /[0-9+/=_.~-]/.test(value) || value.length >= 16;

/** Values that name a secret instead of holding one: env var names and references, numbers, placeholders. */
const PLACEHOLDER =
  /^(?:\$.*|%[A-Za-z_]+%?|process\.env\..*|os\.environ.*|env\..*|\d+(?:\.\d+)*|\*+|x{3,}|\.{3,}|…+|none|null|undefined|true|false|required|optional|string|redacted|\[redacted\].*)$/i;

/** An env var name (`RUNWAYML_API_SECRET`): upper case with at least one underscore. */
const ENV_VAR_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

const NOT_A_SECRET = { test: (value: string) => ENV_VAR_NAME.test(value) || PLACEHOLDER.test(value) };

/** Authorization schemes, which are not secrets by themselves. */
const AUTH_SCHEME = /^(?:bearer|basic|digest|token|negotiate|ntlm|hoba|mutual|apikey|key|aws4-hmac-sha256|otp)$/i;

/** True when the match directly follows an `Authorization:` header name (a bounded look back). */
const afterAuthorizationHeader = (m: RegExpExecArray) =>
  /authorization["']?\s{0,8}[:=]\s{0,8}["']?$/i.test(m.input.slice(Math.max(0, m.index - 40), m.index));

const lastGroup = (m: RegExpExecArray) => m[m.length - 1] ?? m[0];

/** True when `text` is base64 of printable text holding `user:password`. */
function isBasicCredential(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return decoded.length >= 3 && decoded.includes(':') && /^[\x20-\x7e]+$/.test(decoded);
}

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

/** The last input known to hold no `-----END` at or after `from`: many headers cost one search. */
let noPemEnd: { input: string; from: number } | null = null;

/** End of a private-key block: after its `-----END …-----` line, or the end of the text (fail closed). */
function pemBlockEnd(input: string, matchEnd: number): number {
  if (noPemEnd && noPemEnd.input === input && matchEnd >= noPemEnd.from) return input.length;
  const at = input.indexOf('-----END', matchEnd);
  if (at < 0) {
    noPemEnd = { input, from: matchEnd };
    return input.length;
  }
  const close = input.indexOf('-----', at + 8);
  return close < 0 ? input.length : close + 5;
}

/**
 * Key formats whose prefix is short or common enough to occur inside other words or base64 data
 * (`key_`, `AKIA`, `AIza`, `hf_`): they count only at the start of a token.
 */
const KEY_FORMATS_AT_TOKEN_START = [
  'key_[A-Za-z0-9]{32,}', // Runway
  'sk-[A-Za-z0-9_-]{20,}', // OpenAI, Anthropic (sk-ant-…), sk-proj-…
  '(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])', // AWS key ids
  'AIza[A-Za-z0-9_-]{30,}', // Google API keys
  'ya29\\.[A-Za-z0-9_-]{20,}', // Google OAuth access tokens
  'hf_[A-Za-z0-9]{30,}', // Hugging Face tokens
  'SG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}', // SendGrid
  'ops_[A-Za-z0-9_-]{40,}', // 1Password service accounts
  'gsk_[A-Za-z0-9]{40,}', // Groq
  'ntn_[0-9]{11}[A-Za-z0-9]{30,}', // Notion
  'glc_[A-Za-z0-9+/]{32,}', // Grafana Cloud
  'hv[sb]\\.[A-Za-z0-9_-]{24,}', // HashiCorp Vault
  'dapi[a-f0-9]{32}', // Databricks
  '(?:cfk|cfut|cfat)_[A-Za-z0-9]{40,}', // Cloudflare
];

/** Key formats with a distinctive prefix: found even when glued to a preceding word (`tokenghp_…`). */
const KEY_FORMATS_ANYWHERE = [
  'nvapi-[A-Za-z0-9_-]{20,}', // NVIDIA
  'sk-(?:ant|proj|svcacct|admin)-[A-Za-z0-9_-]{20,}', // Anthropic and OpenAI project keys
  'gh[pousr]_[A-Za-z0-9]{20,}', // GitHub classic tokens
  'github_pat_[A-Za-z0-9_]{20,}', // GitHub fine-grained tokens
  'xox[abposre]-[A-Za-z0-9-]{10,}', // Slack tokens
  'xapp-[A-Za-z0-9-]{10,}', // Slack app tokens
  '(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}', // Stripe secret and restricted keys
  'whsec_[A-Za-z0-9]{20,}', // Stripe webhook secrets
  'GOCSPX-[A-Za-z0-9_-]{20,}', // Google OAuth client secrets
  'npm_[A-Za-z0-9]{30,}', // npm tokens
  'glpat-[A-Za-z0-9_-]{20,}', // GitLab personal tokens
  'gl(?:dt|rt|cbt|ptt|ft|oas)-[A-Za-z0-9_-]{20,}', // other GitLab tokens
  'glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}', // Grafana service accounts
  'shp(?:at|ca|pa|ss)_[A-Fa-f0-9]{32}', // Shopify
  'lin_api_[A-Za-z0-9]{30,}', // Linear
  'dop_v1_[a-f0-9]{64}', // DigitalOcean
  'pypi-AgE[A-Za-z0-9_-]{50,}', // PyPI
  'dckr_pat_[A-Za-z0-9_-]{27,}', // Docker Hub
  'figd_[A-Za-z0-9_-]{40,}', // Figma
  'tskey-[A-Za-z0-9-]{20,}', // Tailscale
  'AccountKey=[A-Za-z0-9+/=]{40,}', // Azure storage connection strings
];

/** Host-local folders: home and temp folders of macOS, Linux and CI runners, mounts, this workplace. */
const HOST_ROOTS = 'Users|home|root|tmp|private|var/(?:folders|tmp|lib|log)|Volumes|mnt|media|srv|opt|workspaces?|builds|runner|work';

/**
 * Host-local paths: absolute paths under a host folder, `~/`, Windows drive and UNC paths and
 * `file://` URLs. The look-behind keeps URL paths (`https://host/home/…`) and relative paths
 * (`docs/tmp/…`) out: only a path that starts a token counts.
 */
export const HOST_PATH_PATTERN = new RegExp(
  `(?<![\\w.~/\\\\-])(?:/(?:${HOST_ROOTS})/|~/|[A-Za-z]:\\\\|[A-Za-z]:/(?=[A-Za-z])|\\\\\\\\[A-Za-z0-9][\\w.-]{1,62}\\\\[\\w$]|file://)[^\\s"'<>\`,;)]*`,
  'g',
);

/**
 * A URL-like token: any `scheme://` up to the next space, quote or angle bracket. No look-behind:
 * a URL glued to a word or digit (`1https://u:p@h`) still counts; the bounded scheme keeps it linear.
 */
export const URL_TOKEN = /[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/[^\s"'<>`]+/g;

/** Every detector, in the order their hits are reported when they start at the same offset. */
export const DETECTORS: readonly Detector[] = [
  {
    kind: 'url-userinfo',
    hint: has('://'),
    pattern: URL_TOKEN,
    accept: (m) => carriesUserInfo(m[0]),
    replacement: redactUrl,
  },
  {
    kind: 'signed-url',
    hint: has('://'),
    pattern: URL_TOKEN,
    accept: (m) => carriesSensitiveParam(m[0]) || isWebhookUrl(m[0]),
    replacement: redactUrl,
  },
  {
    // A signed or token-carrying query outside an absolute URL: relative links, broken URLs.
    kind: 'signed-url',
    hint: has('='),
    pattern:
      /[?&#](?:amp;)?(?:x-amz-(?:signature|credential|security-token)|x-goog-(?:signature|credential)|sig|signature|access_token|id_token|refresh_token|auth|auth_token|api_key|apikey|client_secret)=([^\s&#"'<>`]{4,})/gi,
  },
  {
    kind: 'private-key',
    hint: has('-----BEGIN', 'PuTTY-User-Key-File'),
    pattern: /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----|PuTTY-User-Key-File-\d/g,
    extendEnd: pemBlockEnd,
  },
  {
    kind: 'jwt',
    hint: has('eyJ'),
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{6,}\.eyJ[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]*/g,
  },
  {
    kind: 'api-key',
    hint: always,
    pattern: new RegExp(`(?<![A-Za-z0-9])(?:${KEY_FORMATS_AT_TOKEN_START.join('|')})|${KEY_FORMATS_ANYWHERE.join('|')}`, 'g'),
    // `sk-` also starts prose words (`sk-learn-…`): it needs a digit, like every real key.
    accept: (m) => !m[0].startsWith('sk-') || /\d/.test(m[0]),
  },
  {
    kind: 'authorization',
    hint: hasI('authorization'),
    pattern:
      /(?<![A-Za-z0-9-])(?:proxy-)?authorization["']?\s{0,8}[:=]\s{0,8}["']?(?:([A-Za-z][A-Za-z0-9-]{1,20})\s{1,8})?(?!\[redacted\])([^\s"'<>,;`]{6,})/gi,
    accept: (m) => {
      const value = lastGroup(m);
      // `Authorization: Bearer …` is the bearer-token detector's.
      if (/^bearer$/i.test(m[1] ?? '') || AUTH_SCHEME.test(value) || NOT_A_SECRET.test(value)) return false;
      return /^basic$/i.test(m[1] ?? '') ? true : looksLikeToken(value);
    },
  },
  {
    kind: 'bearer-token',
    hint: hasI('bearer'),
    pattern: /(?<![A-Za-z0-9])bearer\s{1,8}(?!\[redacted\])([A-Za-z0-9._~+/=-]{8,})/gi,
    // In prose `bearer` is a word; after an `Authorization:` header name any value is a token.
    accept: (m) => !NOT_A_SECRET.test(lastGroup(m)) && (looksLikeToken(lastGroup(m)) || afterAuthorizationHeader(m)),
  },
  {
    kind: 'authorization',
    hint: hasI('basic'),
    pattern: /(?<![A-Za-z0-9])basic\s{1,8}([A-Za-z0-9+/]{8,}={0,2})/gi,
    accept: (m) => isBasicCredential(lastGroup(m)),
  },
  {
    // `name = value`, `"name": "value"`, `name => value`: the name holds a secret word.
    kind: 'secret-assignment',
    hint: has('=', ':'),
    pattern:
      /((?:api[_-]?key|apikey|secret|token|passw(?:or)?d|pwd|passphrase|signature|credential|private[_-]?key|access[_-]?key|account[_-]?key|(?:subscription|master|encryption|signing|client)[_-]?key|session[_-]?id|(?<![A-Za-z])auth(?![A-Za-z])|(?<![A-Za-z])pass(?![A-Za-z]))[A-Za-z0-9_.-]{0,30})["']?\s{0,8}(?:=>|:=|[:=])\s{0,8}["']?(?!\[redacted\])([^\s"'`&,;<>{}()[\]\\]{6,})/gi,
    // `auth` counts only on its own or as `auth_token`/`auth-key`: `auth-failure: …` is prose.
    accept: (m) =>
      !NOT_A_SECRET.test(lastGroup(m)) && (!/^auth/i.test(m[1] ?? '') || /^auth(?:[_-]?(?:token|key|secret))?$/i.test(m[1] ?? '')),
  },
  {
    // A bare 40-character base64 key (the shape of an AWS secret access key) with high entropy.
    kind: 'high-entropy',
    hint: always,
    pattern: /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g,
    accept: (m) => /[a-z]/.test(m[0]) && /[A-Z]/.test(m[0]) && /\d/.test(m[0]) && !/^\/|\/$|\/\//.test(m[0]) && entropy(m[0]) >= 4.2,
  },
  {
    kind: 'host-path',
    hint: has('/', '\\'),
    pattern: HOST_PATH_PATTERN,
    replacement: '[host-path]',
  },
];
