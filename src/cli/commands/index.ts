/**
 * The registry of sub-commands, in the order `sitrep --help` lists them.
 * Each command lives in its own file beside this one.
 */
import type { Command } from '../command.js';
import { eventsCommand } from './events.js';
import { extractCommand } from './extract.js';
import { gazetteerCommand } from './gazetteer.js';
import { incidentsCommand } from './incidents.js';
import { ingestCommand } from './ingest.js';
import { reportsCommand } from './reports.js';
import { serveCommand } from './serve.js';
import { usersCommand } from './users.js';

export const commands: Command[] = [];

commands.push(ingestCommand, reportsCommand, eventsCommand);
commands.push(serveCommand, usersCommand);
commands.push(incidentsCommand);
commands.push(gazetteerCommand);
commands.push(extractCommand);
