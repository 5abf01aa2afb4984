// Runs every benchmark in turn; each prints ratios against a baseline measured in the same run.
await import('./api.bench');
await import('./ideas.bench');
await import('./match.bench');

export {};
