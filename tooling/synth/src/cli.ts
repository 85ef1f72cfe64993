import { runCli } from './run-cli.js';

// pnpm runs scripts in the package folder; INIT_CWD is where the command was typed.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.env['INIT_CWD'] ?? process.cwd(),
});
