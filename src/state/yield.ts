/**
 * Give the main thread back between steps of the start-up (load, settle, hydrate), so input and
 * paint run between them instead of after one long task; scheduler.yield() keeps this task's
 * place ahead of other queued work where the browser has it, a zero timeout elsewhere.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((done) => setTimeout(done, 0));
}
