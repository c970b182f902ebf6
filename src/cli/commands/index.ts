/**
 * The registry of sub-commands, in the order `sitrep --help` lists them.
 * Each command lives in its own file beside this one.
 */
import type { Command } from '../command.js';

export const commands: Command[] = [];
