/** Runs the CLI from source in a child process (used by the kill test). */
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
