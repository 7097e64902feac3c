/**
 * The credential rule set of a well-kept scanner: secretlint's recommended preset (AWS, GCP,
 * GitHub, GitLab, Slack, Stripe, OpenAI, Anthropic, npm, private keys, database connection
 * strings, …) run through `@secretlint/core`. It complements the project's own detectors
 * (./detectors.ts), which cover signed URLs, host paths and encodings secretlint does not.
 *
 * `lintSource` is asynchronous, while check rules are synchronous functions of their slices. So
 * the check's loader scans every text it loads up front (`scanCredentials`) and hands the rules a
 * lookup by text; a rule asking about a text that was not scanned gets `undefined` and reports it,
 * so a text can never pass unscanned. Two settings matter for a gate: the AWS access-key-id scan
 * (off by default) is on, and `secretlint-disable` comments are ignored — a file may not switch
 * the scan off for itself.
 */
import type { lintSource } from '@secretlint/core';
import { memoTextAsync } from '../text-memo.ts';
import type { SecretHit } from './scanner.ts';

type SecretlintConfig = Parameters<typeof lintSource>[0]['options']['config'];

/**
 * secretlint and its rules, loaded on the first scan: a check whose texts are all answered by the
 * text memo (text-memo.ts) never pays for loading them.
 */
let loaded: Promise<{ lint: typeof lintSource; config: SecretlintConfig }> | null = null;
const secretlint = () =>
  (loaded ??= Promise.all([import('@secretlint/core'), import('@secretlint/secretlint-rule-preset-recommend')]).then(([core, preset]) => ({
    lint: core.lintSource,
    config: {
      rules: [
        {
          id: '@secretlint/secretlint-rule-preset-recommend',
          rule: preset.creator,
          rules: [
            { id: '@secretlint/secretlint-rule-aws', options: { enableIDScanRule: true } },
            { id: '@secretlint/secretlint-rule-filter-comments', disabled: true },
          ],
        },
      ],
    },
  })));

/** secretlint's findings for texts scanned up front, looked up by the text itself. */
export interface CredentialScan {
  /** The hits for `text`, or `undefined` when `text` was not among the scanned texts. */
  hits(text: string): readonly SecretHit[] | undefined;
}

/** secretlint's hits in one text, as `credential` hits named by the rule's message id. */
export async function lintCredentials(text: string): Promise<SecretHit[]> {
  const { lint, config } = await secretlint();
  const result = await lint({
    source: { filePath: 'scanned.txt', content: text, ext: '.txt', contentType: 'text' },
    options: { config, maskSecrets: true },
  });
  return result.messages
    .map((message) => ({
      kind: 'credential' as const,
      index: message.range[0],
      // The preview is the rule's name, never characters of the secret.
      preview: message.messageId ?? message.ruleId.replace('@secretlint/secretlint-rule-', ''),
    }))
    .sort((a, b) => a.index - b.index);
}

/** Runs secretlint over every text once and returns the lookup the check rules read. */
export async function scanCredentials(texts: Iterable<string>): Promise<CredentialScan> {
  const unique = [...new Set(texts)];
  const results = new Map<string, SecretHit[]>();
  for (const text of unique) results.set(text, await memoTextAsync('secretlint', text, lintCredentials));
  return { hits: (text) => results.get(text) };
}

/** A lookup that answers for no text: for callers that scan with the project's detectors only. */
export const NO_CREDENTIAL_SCAN: CredentialScan = { hits: () => undefined };
