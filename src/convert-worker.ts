// A worker thread of src/convert-pool.ts: reads and converts the files it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { convertFile, type JobOptions } from './convert-pool.js';

parentPort!.on('message', (m: { id: number; file: string; options: JobOptions; cwd: string }) => {
  parentPort!.postMessage({ id: m.id, outcome: convertFile(m.file, m.options, undefined, undefined, m.cwd) });
});
