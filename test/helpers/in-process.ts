import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** A stream that keeps what is written to it. */
export function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

/** The CLI in-process (~50 ms instead of a ~0.75 s spawn), with its whole world given: cwd, env, stdout, stderr. */
export async function runMain(argv: string[], cwd: string, env: Record<string, string> = { CI: 'true', NO_COLOR: '1' }) {
  const stdout = capture();
  const stderr = capture();
  const status = await main(argv, { cwd, env, stdout: stdout.stream, stderr: stderr.stream });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}
