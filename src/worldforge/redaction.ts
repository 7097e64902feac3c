/**
 * The ONE redaction module. It detects values that must never reach evidence, events, run
 * manifests, galleries, pages or the check's own output — signed URL query strings, credentials
 * in URLs, authorization headers, API keys and tokens, JWTs, private keys, secret assignments,
 * host-local paths, also percent-, escape- or base64-encoded — and rewrites free text that is
 * meant to be shown. Detection is deliberately broad: redaction fails closed, so a false positive
 * costs a rename, a false negative leaks a secret. Manifests and registries use `unsafeValues` and
 * are rejected rather than rewritten; only display text goes through `redactText`.
 *
 * The implementation lives in ./redaction/ (detectors, decoding, scanner, redaction, the JSON
 * gate, and the secretlint credential scan the check adds on top); this file is its public face.
 */
import { readdirSync } from 'node:fs';

export { type Detector, DETECTORS, looksLikeToken, redactUrl, type SecretKind } from './redaction/detectors.ts';
export { redactText, redactUpstreamText, UPSTREAM_TEXT_MAX } from './redaction/redact.ts';
export { findSecrets, hasHostPath, type SecretHit, type SecretSpan, secretSpans } from './redaction/scanner.ts';
export { hasSignedQuery, hasUserInfo, SENSITIVE_PARAM, stripUrl } from './redaction/urls.ts';
export { refuseUnsafeValues, SENSITIVE_KEY, type UnsafeValue, unsafeValues } from './redaction/values.ts';

/**
 * Repository paths of this module's sources, for suites whose evidence depends on redaction
 * (listed as inputs, so a detector change makes that evidence stale).
 */
export function redactionSources(): string[] {
  const folder = new URL('./redaction/', import.meta.url);
  const modules = readdirSync(folder)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .sort();
  return ['src/worldforge/redaction.ts', ...modules.map((name) => `src/worldforge/redaction/${name}`)];
}

export { describeHit, type LineHit, scanFileText } from './redaction/file-scan.ts';
// secretlint is loaded only by callers that scan (the check's loader): import
// ./redaction/secretlint.ts for `scanCredentials`; its lookup type is re-exported here.
export type { CredentialScan } from './redaction/secretlint.ts';
