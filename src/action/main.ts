// Entry of the GitHub Action: bundled with its dependencies into action/bundle/index.mjs (npm run build:action),
// because GitHub runs actions from their repository without installing anything.
import { runAction } from './run.js';

process.exitCode = await runAction({ env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
