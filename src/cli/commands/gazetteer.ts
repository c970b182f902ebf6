/** `sitrep gazetteer build|import FILE…|lookup NAME`: the place index the geoparser resolves names against. */
import { importGazetteerFile } from '../../geo/import.js';
import { buildGazetteer, loadGeoparser } from '../../geo/index.js';
import { gazetteerDir } from '../../geo/paths.js';
import { CliError, type CliIo, type Command } from '../command.js';
import { parseArgv } from '../options.js';

const HELP = `usage: sitrep gazetteer <build|import|lookup> [options]

The gazetteer: GeoNames cities500 (CC BY 4.0), GeoNames admin-1/admin-2 names, countries, Natural Earth admin-1
label points, continents and regions, plus the places you import. It is built once into a binary index in the
gazetteer dir and rebuilt automatically when its sources or imports change.

  build                 (re)build the index now
  import FILE…          add places, persistently, then rebuild:
                          GeoNames dumps (allCountries.zip, SY.zip, SY.txt, cities*.txt),
                          GeoNames alternateNamesV2(.zip) (names for places already in the index),
                          an ACLED-style CSV (location, admin1..3, latitude, longitude, country),
                          a CSV of name,lat,lon,country[,admin1,aliases] (aliases separated by | or ;)
                        importing a file of the same name again replaces it
  lookup NAME           the candidates for a name, best first, with their scores

options:
  --dir DIR             gazetteer dir (default $SITREP_GAZETTEER_DIR, else <package>/.cache/gazetteer)
  --limit N             lookup: candidates to show (default 10)
  --no-build            import: store only, rebuild at the next load
  --json                machine-readable output
`;

export const gazetteerCommand: Command = {
  name: 'gazetteer',
  help: HELP,
  async run(argv: string[], io: CliIo): Promise<number> {
    const parsed = parse(argv);
    const { values, positionals } = parsed;
    const [sub, ...rest] = positionals;
    const dir = gazetteerDir(values.dir, io.env);
    const json = Boolean(values.json);
    if (sub === 'build') {
      const t = Date.now();
      const r = buildGazetteer(dir);
      if (json) io.stdout.write(`${JSON.stringify({ ...r, ms: Date.now() - t })}\n`);
      else
        io.stdout.write(
          `built ${r.path}: ${r.entries} entries, ${r.keys} names, ${r.imported} imported rows, ${Date.now() - t} ms\n`,
        );
      return 0;
    }
    if (sub === 'import') {
      if (rest.length === 0) throw new CliError('gazetteer import needs at least one FILE');
      let failed = 0;
      let stored = 0;
      for (const file of rest) {
        try {
          const r = await importGazetteerFile(file, {
            dir,
            onProgress: (rows) => io.stderr.write(`${file}: ${rows.toLocaleString('en-US')} rows\n`),
          });
          stored++;
          if (json) io.stdout.write(`${JSON.stringify(r)}\n`);
          else
            io.stdout.write(
              `${file}: ${r.format}, ${r.places} places, ${r.aliases} names, ${r.skipped} rows skipped → ${r.output}\n`,
            );
        } catch (error) {
          failed++;
          io.stderr.write(
            `sitrep gazetteer import: ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
          );
        }
      }
      if (stored > 0 && !values['no-build']) {
        const r = buildGazetteer(dir);
        if (!json) io.stdout.write(`rebuilt ${r.path}: ${r.entries} entries, ${r.imported} imported rows\n`);
      }
      return failed > 0 ? 1 : 0;
    }
    if (sub === 'lookup') {
      const name = rest.join(' ').trim();
      if (!name) throw new CliError('gazetteer lookup needs a NAME');
      const limit = values.limit === undefined ? 10 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliError(`--limit must be a positive integer, got '${values.limit}'`);
      const geo = await loadGeoparser({ dir });
      const cands = geo.lookup(name, limit);
      if (json) {
        io.stdout.write(`${JSON.stringify({ name, candidates: cands })}\n`);
        return cands.length ? 0 : 1;
      }
      if (cands.length === 0) {
        io.stdout.write(`no gazetteer entry for '${name}'\n`);
        return 1;
      }
      for (const c of cands) {
        const where = [c.admin2, c.admin1, c.country].filter(Boolean).join(', ');
        io.stdout.write(
          `${c.score.toFixed(2).padStart(6)}  ${c.name} (${where}) ${c.lat},${c.lon} ${c.feature} ${c.kind}` +
            `${c.geonameid ? ` geonames:${c.geonameid}` : ''} pop ${Math.round(c.population)} via ${c.nameKind} name\n`,
        );
      }
      return 0;
    }
    throw new CliError(
      sub ? `unknown gazetteer sub-command '${sub}' (build, import, lookup)` : (HELP.split('\n')[0] ?? ''),
    );
  },
};

function parse(argv: string[]) {
  return parseArgv({
    args: argv,
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      'no-build': { type: 'boolean' },
    },
  });
}
