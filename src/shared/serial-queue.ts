/**
 * Runs async tasks one at a time, in call order. The background uses one for every vault mutation so
 * that concurrent messages (popup, options page, content scripts) never interleave a read-modify-write.
 * A failed task rejects its own caller only; the queue goes on.
 */
export function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function run<T>(task: () => Promise<T>): Promise<T> {
    const result = tail.then(task, task);
    // The queue only orders tasks: each caller gets its own task's failure.
    tail = result.catch(() => undefined);
    return result;
  };
}
