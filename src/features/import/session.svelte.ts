/**
 * The import of this session: the form, the chosen file, the worker that parses it and the last
 * import's state. It lives outside the page component, so a person can look at the preview on
 * other routes (or leave while a big workbook parses) and come back to the report and the
 * downloads. Memory only, like the preview itself. The decisions are the model's (./model.ts);
 * this file only wires the worker and the data store to them.
 */
import { data } from '../../state/data.svelte';
import { saveBlob } from '../../ui/download';
import { begin, checkForm, crashed, finish, step, unitYearJson, type DownloadKind, type FormProblems, type ImportState, type WorkerMessage, type WorkerRequest } from './model';

const MIME: Record<DownloadKind, string> = {
  json: 'application/json;charset=utf-8',
  source: 'text/plain;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

class ImportSession {
  unit = $state('');
  name = $state('');
  year = $state('');
  file = $state.raw<File | null>(null);
  problems = $state<FormProblems>({});
  current = $state.raw<ImportState>({ phase: 'idle' });
  downloadStatus = $state('');
  private worker: Worker | null = null;

  /** Ids of the published units (a preview may not take one). */
  private published(): string[] {
    return (data.dataset.index?.units ?? []).filter((u) => !data.isPreview(u.id)).map((u) => u.id);
  }

  /** Check the form and, when it is complete, parse the file in a fresh worker. Returns false when the form has problems. */
  start(): boolean {
    const file = this.file;
    const form = checkForm({ unit: this.unit, name: this.name, year: this.year }, file, this.published());
    if (!form.ok || !file) {
      this.problems = form.ok ? {} : form.problems;
      return false;
    }
    this.problems = {};
    this.downloadStatus = '';
    this.stop();
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    this.current = begin(file);
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      if (this.worker !== worker) return;
      this.current = step(this.current, e.data, { name: form.name, format: form.format });
      if (this.current.phase === 'checking') {
        this.stop();
        const { result } = this.current;
        const check = data.addPreview(result.file, { name: form.name, sourceText: result.sourceText, newCodes: result.newCodes, newGroups: result.newGroups });
        this.current = finish(this.current, check);
      } else if (this.current.phase === 'failed') this.stop();
    };
    worker.onerror = (e: ErrorEvent) => {
      if (this.worker !== worker) return;
      // Shown on the page instead of an uncaught error in the console.
      e.preventDefault();
      this.current = crashed(this.current, e.message);
      this.stop();
    };
    const request: WorkerRequest = {
      file,
      options: {
        unit: form.unit,
        name: form.name,
        ...(form.year !== undefined ? { year: form.year } : {}),
        fileName: file.name,
        trees: { functional: data.dataset.functional?.nodes ?? [], economic: data.dataset.economic?.nodes ?? [] },
        groups: data.dataset.index?.groups ?? [],
      },
    };
    worker.postMessage(request);
    return true;
  }

  /** Stop a running import (the page goes back to the form). */
  cancel(): void {
    this.stop();
    if (this.current.phase === 'parsing' || this.current.phase === 'checking') this.current = { phase: 'idle' };
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /** Save one of the done import's files. */
  async download(kind: DownloadKind, fileName: string): Promise<void> {
    const s = this.current;
    if (s.phase !== 'done') return;
    try {
      let body: BlobPart;
      if (kind === 'json') body = unitYearJson(s.result.file);
      else if (kind === 'source') body = s.result.sourceText ?? '';
      else {
        this.downloadStatus = '正在生成 Excel…';
        const { writeWorkbook } = await import('../../import/tables/workbook');
        const trees = { functional: data.dataset.functional?.nodes ?? [], economic: data.dataset.economic?.nodes ?? [] };
        body = (await writeWorkbook({ file: s.result.file, unitName: s.name, trees })) as Uint8Array<ArrayBuffer>;
      }
      saveBlob(new Blob([body], { type: MIME[kind] }), fileName);
      this.downloadStatus = `已下载 ${fileName}`;
    } catch (e) {
      this.downloadStatus = `下载失败：${e instanceof Error ? e.message : String(e)}`;
    }
  }
}

export const session = new ImportSession();
