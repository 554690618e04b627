import type { TConfig } from '../config.js';
import { DemoRefusedError, generateDemoPassword, runDemo } from '../demo/index.js';
import { AppError } from '../errors.js';
import { createLogger, createRuntime } from '../runtime.js';

const out = (line: string) => process.stdout.write(`${line}\n`);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * `cityshield demo [--org NAME] [--force] [--password-stdin]`: fills an organisation with a demo
 * city. The accounts it creates get one password: the operator's (from standard input, never
 * echoed) or a generated one, printed once at the end. Nothing secret goes to the log.
 */
export async function demo(config: TConfig, o: { org?: string; force?: boolean; passwordStdin?: boolean }): Promise<void> {
  const given = o.passwordStdin ? await readStdin() : undefined;
  const password = given ?? generateDemoPassword();
  // Without SMTP the invitations return their links, which the demo accepts itself: no e-mail
  // goes to the made-up addresses of the demo people.
  const runtime = await createRuntime({ ...config, SMTP_URL: undefined }, { log: createLogger({ LOG_LEVEL: 'warn' }) });
  try {
    const started = Date.now();
    const result = await runDemo(runtime, {
      ...(o.org ? { orgName: o.org } : {}),
      force: o.force === true,
      password,
      progress: (step, line, ms) => out(`  ${step.padEnd(15)} ${line} (${(ms / 1000).toFixed(1)} s)`),
    });
    out(`\nThe demo city is ready in "${result.orgName}" (${((Date.now() - started) / 1000).toFixed(1)} s).`);
    out(`Log in at ${config.baseUrl}/login as one of:`);
    const width = Math.max(...result.accounts.map((a) => a.email.length));
    for (const a of result.accounts) {
      out(`  ${a.email.padEnd(width)}  ${a.role}${a.created ? '' : ' (existing account, password unchanged)'}`);
    }
    if (result.accounts.some((a) => a.created)) {
      out(given ? 'New accounts have the password you gave.' : `Password of the new accounts: ${password}`);
      out('Change it (profile page) before you show the demo to anyone else.');
    }
  } catch (err) {
    if (err instanceof DemoRefusedError) throw new Error(err.message);
    if (err instanceof AppError) throw new Error([err.message, ...err.details.map((d) => `  ${d.path}: ${d.message}`)].join('\n'));
    throw err;
  } finally {
    await runtime.close();
  }
}
