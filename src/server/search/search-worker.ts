/**
 * A report-search worker thread: its own read-only connection to the store (WAL lets readers run beside the
 * server's writer), its own prepared statements, one request at a time. Started by ./pool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { SqliteReportSearch } from '../../store/sqlite/report-search.js';
import type { SearchReply, SearchRequest } from './pool.js';

const { path } = workerData as { path: string };
const db = new Database(path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
// 16 MB: the FTS doclists of frequent words and the rows of one page; the OS page cache is shared anyway.
db.pragma('cache_size = -16384');
const search = new SqliteReportSearch(db);
// One read transaction per request: the page and its count come from the same snapshot.
const answer = db.transaction((r: SearchRequest) => search.page(r.query, { limit: r.limit, offset: r.offset }));

// Tells the pool the connection is open: a worker that stops before this is broken, not unlucky (see pool.ts).
parentPort!.postMessage({ ready: true });

parentPort!.on('message', (r: SearchRequest) => {
  let reply: SearchReply;
  try {
    reply = { id: r.id, ok: true, ...answer(r) };
  } catch (error) {
    reply = { id: r.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
