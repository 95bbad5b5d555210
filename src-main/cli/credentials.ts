import readline from 'node:readline';
import { Writable } from 'node:stream';

/**
 * A secret for the CLI: from the environment, else asked on the terminal without echo. Never
 * from argv (visible to every user in the process list) and never written anywhere.
 */
export async function secretInput(envName: string, prompt: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const fromEnv = env[envName];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) return null;
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = readline.createInterface({ input: process.stdin, output: muted, terminal: true });
  process.stderr.write(prompt);
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
