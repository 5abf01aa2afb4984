/**
 * Runs `task` every `intervalMs` until the returned function is called. A run that is still going when the
 * next is due is not doubled, and the timer never keeps the process alive on its own.
 */
export function every(intervalMs: number, task: () => Promise<unknown>, onError: (error: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
