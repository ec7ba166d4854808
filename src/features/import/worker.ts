/**
 * The import worker: reads the chosen file in chunks (reporting how much is read) and runs the
 * importers on it (src/import: text or tables), off the page's main thread so a big workbook
 * does not freeze the tab. Loaded from the site itself (script-src 'self' covers workers); it
 * fetches nothing and needs no eval. One request per worker: the page starts a fresh one for
 * every import and terminates it to cancel.
 */
import { importFile } from '../../import/index';
import type { WorkerMessage, WorkerRequest } from './model';

const post = (m: WorkerMessage) => (self as unknown as Worker).postMessage(m);

/** Report read progress at most this often (bytes), so a 30 MB file sends a few dozen messages. */
const PROGRESS_STEP = 512 * 1024;

async function readAll(file: Blob): Promise<Uint8Array> {
  const total = file.size;
  const out = new Uint8Array(total);
  let loaded = 0;
  let reported = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A file that grows while it is read is cut at the size it had when chosen.
    const chunk = value.subarray(0, Math.max(0, total - loaded));
    out.set(chunk, loaded);
    loaded += chunk.length;
    if (loaded - reported >= PROGRESS_STEP) {
      reported = loaded;
      post({ type: 'progress', stage: 'read', loaded, total });
    }
  }
  return loaded === total ? out : out.subarray(0, loaded);
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { file, options } = e.data;
  try {
    const bytes = await readAll(file);
    post({ type: 'progress', stage: 'parse', loaded: bytes.length, total: file.size });
    post({ type: 'done', result: await importFile(bytes, options) });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
