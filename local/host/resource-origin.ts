import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { ResourceWorkerData } from './resource-worker';

export interface ResourceOrigin {
  port: number;
  close(): Promise<void>;
}

/**
 * The worker runs the TypeScript source through tsx, whether the host itself runs under tsx (npm start),
 * jest or the bench: a worker thread does not inherit jest's transform. Both paths are absolute, since an
 * eval'd worker resolves modules from the process's working directory.
 */
const BOOT = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(path.join(__dirname, 'resource-worker.ts'))});`;

const Listening = z.object({ port: z.number().int().positive() });

/** Starts the resource origin on its own thread (resource-worker.ts); resolves once it listens. */
export const startResourceOrigin = (data: ResourceWorkerData): Promise<ResourceOrigin> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { eval: true, workerData: data });
    const early = (code: number): void => {
      reject(new Error(`local host: the resource origin's thread exited with code ${String(code)} before it listened`));
    };
    worker.once('error', reject);
    worker.once('exit', early);
    worker.once('message', (message: unknown) => {
      worker.off('exit', early);
      worker.off('error', reject);
      // A thread that fails later is reported, not thrown: the site keeps serving.
      worker.on('error', (e) => {
        console.error("local host: the resource origin's thread failed", e);
      });
      const { port } = Listening.parse(message);
      resolve({
        port,
        close: async () => {
          await worker.terminate();
        },
      });
    });
  });
