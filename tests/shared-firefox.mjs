/**
 * Runs a command (a lane of end-to-end test files) with one Firefox that its files share:
 * `node tests/shared-firefox.mjs node --test tests/e2e/`. Each file installs the add-on in it
 * and removes it when done (see launch() in support/browsers.mjs); a file that needs a
 * browser of its own still starts one.
 */
import { spawn } from 'node:child_process';
import { startSharedFirefox } from './support/browsers.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) throw new Error('usage: node tests/shared-firefox.mjs <command> [args...]');

const firefox = await startSharedFirefox();
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, E2E_SHARED_FIREFOX: firefox.endpoint } });
const code = await new Promise((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
await firefox.close();
process.exit(code);
