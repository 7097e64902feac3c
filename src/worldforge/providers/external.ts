/**
 * External provider modules: adapter authors register providers from their own project through a
 * config file (`worldforge.config.json`, `{"providers": ["./my-provider.mjs", "some-package"]}`).
 * Each module exports a factory (`default` or `createProvider`) returning a `Provider`. A missing
 * module, a module that throws on import, a missing or throwing factory, an invalid profile or a
 * name that is already taken becomes a typed skip in the diagnostics — loading never crashes, and
 * a broken third-party module never takes the built-in catalog down with it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { redactText } from '../redaction.ts';
import { zodIssues, formatIssues } from '../validation.ts';
import type { Provider } from './base.ts';
import { PROVIDER_NAMES } from './catalog.ts';
import { providerProfileSchema } from './profile.ts';
import { strictJsonValue } from '../strict-json.ts';

/** The config file looked up in the project directory. */
export const CONFIG_FILE = 'worldforge.config.json';

export const configSchema = () =>
  z.strictObject({
    /** Module specifiers: relative to the config file, absolute, or package names. */
    providers: z.array(z.string().min(1)).default([]),
  });

/** Why an external provider was not registered. */
export const EXTERNAL_SKIP_REASONS = [
  'config_invalid',
  'module_missing',
  'module_threw',
  'no_factory',
  'factory_threw',
  'invalid_profile',
  'duplicate',
] as const;
export type ExternalSkipReason = (typeof EXTERNAL_SKIP_REASONS)[number];

export interface ExternalProviderDiagnostic {
  /** The specifier as written in the config (or the config file for `config_invalid`). */
  specifier: string;
  status: 'registered' | 'skipped';
  /** The provider's name, once its factory returned one. */
  provider: string | null;
  reason: ExternalSkipReason | null;
  /** One redacted sentence; never a host path. */
  detail: string;
}

export interface ExternalProviders {
  /** Registered factories by provider name, in config order. */
  factories: Map<string, () => Provider>;
  diagnostics: ExternalProviderDiagnostic[];
}

const skip = (
  specifier: string,
  reason: ExternalSkipReason,
  detail: string,
  provider: string | null = null,
): ExternalProviderDiagnostic => ({
  specifier,
  status: 'skipped',
  provider,
  reason,
  detail: redactText(detail),
});

const messageOf = (error: unknown, base: string) => (error instanceof Error ? error.message : String(error)).replaceAll(base, '<project>');

function resolveSpecifier(specifier: string, base: string): string | null {
  try {
    if (specifier.startsWith('.') || isAbsolute(specifier)) {
      const path = resolve(base, specifier);
      return existsSync(path) ? pathToFileURL(path).href : null;
    }
    return pathToFileURL(createRequire(join(base, CONFIG_FILE)).resolve(specifier)).href;
  } catch {
    return null;
  }
}

const isProvider = (value: unknown): value is Provider =>
  typeof value === 'object' && value !== null && 'profile' in value && typeof (value as Provider).call === 'function';

/**
 * Loads the providers a config file names. `configPath` defaults to `<cwd>/worldforge.config.json`;
 * no file means no external providers. `taken` are names already registered (the built-in catalog).
 */
export async function loadExternalProviders(
  options: { cwd?: string; configPath?: string; taken?: readonly string[] } = {},
): Promise<ExternalProviders> {
  const configPath = options.configPath ?? join(options.cwd ?? process.cwd(), CONFIG_FILE);
  const base = dirname(configPath);
  const result: ExternalProviders = { factories: new Map(), diagnostics: [] };
  if (!existsSync(configPath)) return result;
  let specifiers: string[];
  try {
    const parsed = configSchema().safeParse(strictJsonValue(readFileSync(configPath, 'utf8'), CONFIG_FILE));
    if (!parsed.success) throw new Error(formatIssues(zodIssues(parsed.error, null)));
    specifiers = parsed.data.providers;
  } catch (error) {
    result.diagnostics.push(skip(CONFIG_FILE, 'config_invalid', `${CONFIG_FILE}: ${messageOf(error, base)}`));
    return result;
  }
  const taken = new Set(options.taken ?? PROVIDER_NAMES);
  for (const specifier of specifiers) {
    const url = resolveSpecifier(specifier, base);
    if (!url) {
      result.diagnostics.push(skip(specifier, 'module_missing', `cannot resolve '${specifier}' from the config file's folder`));
      continue;
    }
    let module: Record<string, unknown>;
    try {
      module = await import(url);
    } catch (error) {
      result.diagnostics.push(skip(specifier, 'module_threw', `importing '${specifier}' threw: ${messageOf(error, base)}`));
      continue;
    }
    const factory = typeof module.default === 'function' ? module.default : module.createProvider;
    if (typeof factory !== 'function') {
      result.diagnostics.push(skip(specifier, 'no_factory', `'${specifier}' exports neither a default function nor createProvider`));
      continue;
    }
    let provider: unknown;
    try {
      provider = factory();
    } catch (error) {
      result.diagnostics.push(skip(specifier, 'factory_threw', `the factory of '${specifier}' threw: ${messageOf(error, base)}`));
      continue;
    }
    const profile = isProvider(provider) ? providerProfileSchema().safeParse(provider.profile) : null;
    if (!profile?.success) {
      const why = profile ? formatIssues(zodIssues(profile.error, null)) : 'it did not return a Provider';
      result.diagnostics.push(skip(specifier, 'invalid_profile', `the factory of '${specifier}' returned an invalid provider: ${why}`));
      continue;
    }
    const name = profile.data.name;
    if (taken.has(name)) {
      result.diagnostics.push(skip(specifier, 'duplicate', `provider '${name}' is already registered; the first registration wins`, name));
      continue;
    }
    taken.add(name);
    result.factories.set(name, factory as () => Provider);
    result.diagnostics.push({ specifier, status: 'registered', provider: name, reason: null, detail: `registered '${name}'` });
  }
  return result;
}
