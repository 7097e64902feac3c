/**
 * `worldforge doctor [provider] [--json]`: configured fields (never values), a typed health state
 * and lifecycle hooks for every provider, or one. Bridge providers start their host runtime to ask
 * its health (and stop it); `--runtime fake` points them at the deterministic fake runtime, to see
 * what a healthy (or, with `--fake-misbehave`, a broken) runtime looks like. Exit codes: 0 the
 * named providers are healthy (or the whole catalog was listed), 1 a named provider is unhealthy,
 * 2 usage error.
 */
import { Command, Option } from 'commander';
import { FAKE_MISBEHAVIOURS, type FakeMisbehaviour } from '../src/worldforge/bridge/fake.ts';
import { DOCTOR_PROVIDER_NAMES, doctorReport } from '../src/worldforge/doctor/diagnose.ts';
import { type DoctorReport, HEALTH_STATES } from '../src/worldforge/doctor/model.ts';
import { PROVIDER_NAMES } from '../src/worldforge/providers/catalog.ts';

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The human form: one block per provider. */
export function humanDoctor(report: DoctorReport): string {
  const lines = [`worldforge doctor: ${report.healthy_provider_count}/${report.provider_count} provider(s) healthy`];
  for (const p of report.providers) {
    lines.push(
      '',
      `${p.name}${p.in_catalog ? '' : ' (direct construction, not in the catalog)'}: ${p.health.state}${p.health.healthy ? '' : ' ✖'}`,
    );
    lines.push(`  ${p.health.detail}`, `  (${HEALTH_STATES[p.health.state].meaning})`);
    if (p.health.runtime) {
      const r = p.health.runtime;
      lines.push(`  runtime: ${r.name} ${r.version}, bridge v${r.protocol_version}, model ${r.model ?? '(none)'}, device ${r.device}`);
    }
    for (const f of p.fields) {
      const flags = [f.required ? 'required' : 'optional', ...(f.secret ? ['secret'] : [])].join(', ');
      lines.push(`  ${f.present ? '✓' : '·'} ${f.name} (${flags}): ${f.present ? f.source : 'unset'}${f.note ? ` — ${f.note}` : ''}`);
    }
    if (p.lifecycle.some((l) => l.status !== 'no-op'))
      lines.push(`  lifecycle: ${p.lifecycle.map((l) => `${l.hook} ${l.status}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function doctorCommands(setExit: (code: number) => void): Command {
  return new Command('doctor')
    .description('Configured fields (never values), typed health and lifecycle of every provider, or one.')
    .argument('[provider]', `provider to diagnose (${DOCTOR_PROVIDER_NAMES.join(', ')})`)
    .addOption(
      new Option('--runtime <runtime>', 'bridge providers: "host" reads the runtime command from the env; "fake" uses the fake runtime')
        .choices(['host', 'fake'])
        .default('host'),
    )
    .addOption(new Option('--fake-misbehave <mode>', 'with --runtime fake: make the fake runtime misbehave').choices(FAKE_MISBEHAVIOURS))
    .option('--json', 'print the report as JSON')
    .action(
      async (provider: string | undefined, options: { runtime: 'host' | 'fake'; fakeMisbehave?: FakeMisbehaviour; json?: boolean }) => {
        if (provider && !DOCTOR_PROVIDER_NAMES.includes(provider)) {
          process.stderr.write(`worldforge doctor: unknown provider '${provider}'; known: ${DOCTOR_PROVIDER_NAMES.join(', ')}\n`);
          setExit(EXIT.usage);
          return;
        }
        const names = provider ? [provider] : PROVIDER_NAMES;
        const report = await doctorReport(names, {
          env: process.env,
          ...(options.runtime === 'fake' ? { fakeRuntime: { misbehave: options.fakeMisbehave } } : {}),
          bridge: { helloTimeoutMs: 30_000, requestTimeoutMs: 30_000 },
        });
        process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : humanDoctor(report));
        setExit(provider && !report.providers[0]!.health.healthy ? EXIT.failed : EXIT.ok);
      },
    );
}
