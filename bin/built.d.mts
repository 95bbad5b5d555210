// Types of bin/built.mjs for the TypeScript that uses it (the tests' global setup).
export function buildState(): { built: true } | { built: false; message: string };
export function runBuilt(name: 'bala' | 'bala-server' | 'start'): Promise<void>;
