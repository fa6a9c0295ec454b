// The action's entry point (bundled into action/index.js): runs in the runner's environment and sets the exit code.
import { runAction } from './run-action.js';

process.exitCode = await runAction(process.env, {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
});
