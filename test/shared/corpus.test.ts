// Every real file in ../shared/corpus/real must parse, with no parse-error, and yield an app model.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import { parseXml } from '../../src/parser/xml.js';
import { classifyFileName } from '../../src/project/metadata-types.js';
import { copyToTemp, runCli } from '../helpers/cli.js';
import { SHARED } from './paths.js';

const CORPUS = join(SHARED, 'corpus', 'real');
const folders = ['connectedApp', 'connectedApp-mdapi', 'eca', 'authprovider'];
const files = folders.flatMap((folder) => readdirSync(join(CORPUS, folder)).map((name) => join(CORPUS, folder, name)));

describe('the real corpus', () => {
  it('is where the tests expect it (../shared next to the repository)', async () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  for (const file of files) {
    it(`parses ${basename(file)}`, async () => {
      const classified = classifyFileName(basename(file));
      expect(classified, 'suffix recognised').toBeDefined();
      const result = parseXml(file, readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
      expect(result.ok ? 'ok' : result.error.message).toBe('ok');
      if (!result.ok) return;
      const model = buildModel([{ path: file, type: classified!.type.name, componentName: classified!.componentName, forceIgnored: false, doc: result.doc }]);
      expect(model.documents[0]!.root.value).toBe(classified!.type.name);
      if (classified!.type.name === 'AuthProvider') {
        expect(model.apps).toEqual([]);
      } else {
        expect(model.apps).toHaveLength(1);
        expect(model.apps[0]!.files[0]!.file).toBe(file);
      }
    });
  }

  it('assembles the split External Client App (header + global OAuth + OAuth settings) into one app', async () => {
    const eca = files.filter((file) => basename(file).startsWith('chrzasz__'));
    const parsed = eca.map((file) => {
      const classified = classifyFileName(basename(file))!;
      const result = parseXml(file, readFileSync(file, 'utf8'));
      if (!result.ok) throw new Error(result.error.message);
      return { path: file, type: classified.type.name, componentName: classified.componentName, forceIgnored: false, doc: result.doc };
    });
    const model = buildModel(parsed);
    const app = model.apps.find((candidate) => candidate.name === 'ecaViaMetadata');
    expect(app?.files).toHaveLength(2); // the header's name differs from the join key in this real sample
    expect(app?.scopes.map((scope) => scope.value)).toEqual(['Api', 'Web', 'OpenID']);
    expect(app?.callbackUrls.map((url) => url.value)).toEqual(['https://openidconnect.herokuapp.com/callback']);
    expect(app?.pkceRequired).toMatchObject({ value: false });
  });

  it('lints the whole corpus through the CLI with no parse-error', async () => {
    const root = copyToTemp(CORPUS);
    const result = await runCli(['lint', root, '--format', 'json']);
    expect([0, 1]).toContain(result.status);
    const json = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    expect(json.length).toBeGreaterThanOrEqual(files.length);
    expect(json.flatMap((entry) => entry.messages).filter((message) => message.ruleId === 'parse-error')).toEqual([]);
  });
});
