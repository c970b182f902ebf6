import { useState } from 'preact/hooks';
import { ApiError, api, upload } from './api';

interface IngestResult {
  reports: { id: string; title: string | null; duplicate: boolean }[];
  errors: { input: string; reason: string }[];
  incidents?: number;
}

export function IngestView() {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [outlet, setOutlet] = useState('');
  const [published, setPublished] = useState('');
  const [url, setUrl] = useState('');
  const [result, setResult] = useState<IngestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<IngestResult>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await fn());
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="page ingest">
      <h2>Add reports</h2>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          run(() =>
            api<IngestResult>('POST', '/api/ingest/text', {
              text,
              title: title || undefined,
              outlet: outlet || undefined,
              published: published || undefined,
              url: url || undefined,
            }),
          );
        }}
      >
        <h3>Paste a report</h3>
        <div class="grid2">
          <label>
            Title
            <input name="title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
          </label>
          <label>
            Outlet
            <input name="outlet" value={outlet} onInput={(e) => setOutlet(e.currentTarget.value)} />
          </label>
          <label>
            Published
            <input
              type="date"
              name="published"
              value={published}
              onInput={(e) => setPublished(e.currentTarget.value)}
            />
          </label>
          <label>
            URL
            <input type="url" name="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
          </label>
        </div>
        <label>
          Text
          <textarea name="text" rows={10} value={text} onInput={(e) => setText(e.currentTarget.value)} required />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          Add and code
        </button>
      </form>
      <div class="card">
        <h3>Upload files</h3>
        <p class="muted">HTML, text, RSS/Atom, JSONL or CSV; up to 10 MB each.</p>
        <input
          type="file"
          multiple
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            run(async () => {
              const merged: IngestResult = { reports: [], errors: [] };
              for (const f of files) {
                try {
                  const r = await upload<IngestResult>('/api/ingest/file', f);
                  merged.reports.push(...r.reports);
                  merged.errors.push(...r.errors);
                } catch (err) {
                  merged.errors.push({ input: f.name, reason: err instanceof Error ? err.message : String(err) });
                }
              }
              return merged;
            });
          }}
        />
      </div>
      {error && <p class="error">{error}</p>}
      {result && (
        <div class="card">
          <p>
            {result.reports.length} report(s) stored
            {result.reports.some((r) => r.duplicate) ? ' (some were already known)' : ''}.
          </p>
          <ul>
            {result.errors.map((e) => (
              <li class="error" key={e.input}>
                {e.input}: {e.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
