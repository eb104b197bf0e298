// `npm start`: build the rules package and the H5 client, then run the local cloud (http://127.0.0.1:8080).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildH5, buildShared, root } from './lib.mjs';

buildShared();
if (!process.argv.includes('--no-build')) buildH5();

const server = spawn('npx', ['tsx', join('cloudfunctions', 'src', 'local', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
