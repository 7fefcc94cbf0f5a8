#!/usr/bin/env node
// The floor: the least work any linter of this tree must do, with nothing else. Walks the tree, reads every file
// as UTF-8 (the repository-wide secret scan reads them all), and parses the metadata files the linter parses with
// fast-xml-parser. No rules, no positions, no reporting.
// Usage: node bench/floor.mjs <project-dir>   prints {"files": N, "metadata": M}

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** The suffixes of the types the linter reads (source `-meta.xml` and Metadata API format). */
const METADATA = /\.(?:connectedApp|eca|ecaGlblOauth|ecaOauth|ecaOauthPlcy|ecaPlcy|authprovider|namedCredential)(?:-meta\.xml)?$/i;
const SKIPPED = new Set(['.git', 'node_modules', '.sf', '.sfdx']);

function walk(directory, files) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) walk(path, files);
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

const parser = new XMLParser({ ignoreAttributes: false });
let metadata = 0;
const files = walk(resolve(process.argv[2] ?? '.'), []);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  if (METADATA.test(file)) {
    parser.parse(text);
    metadata++;
  }
}
process.stdout.write(`${JSON.stringify({ files: files.length, metadata })}\n`);
