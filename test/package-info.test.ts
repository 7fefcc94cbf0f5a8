// Links the linter prints (rule docs, SARIF helpUri and informationUri) come from package.json, through a table
// generated at build time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_INFO_FILE, packageInfoSource } from '../scripts/package-info.mjs';
import { repositoryWebUrl } from '../src/package-info.js';
import { builtinRules } from '../src/rules/index.js';
import { REPO } from './helpers/cli.js';

describe('package info', () => {
  it('the committed generated file is what the build writes from package.json (else run npm run build)', () => {
    expect(readFileSync(join(REPO, PACKAGE_INFO_FILE), 'utf8')).toBe(packageInfoSource());
  });

  it('rule docs URLs point at the repository package.json names, at the rule page that exists', () => {
    const repository = repositoryWebUrl();
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { repository: { url: string } };
    expect(manifest.repository.url).toBe(`git+${repository}.git`);
    for (const rule of builtinRules) {
      expect(rule.meta.docs).toBe(`${repository}/blob/main/docs/rules/${rule.meta.id}.md`);
      expect(() => readFileSync(join(REPO, 'docs', 'rules', `${rule.meta.id}.md`))).not.toThrow();
    }
  });

  it('derives the web address from each form of repository, else from the homepage', () => {
    const homepage = 'https://example.org/lint#readme';
    expect(repositoryWebUrl({ repository: 'git+https://github.com/acme/lint.git', homepage })).toBe('https://github.com/acme/lint');
    expect(repositoryWebUrl({ repository: 'https://gitlab.com/acme/lint', homepage })).toBe('https://gitlab.com/acme/lint');
    expect(repositoryWebUrl({ repository: 'github:acme/lint', homepage })).toBe('https://github.com/acme/lint');
    expect(repositoryWebUrl({ repository: '', homepage })).toBe('https://example.org/lint');
  });
});
