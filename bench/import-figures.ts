import { FORGE_KVS_QUOTA } from '../local/platform/kvs';
import type { LocalRuntime } from '../local/platform/local-runtime';
import type { InvocationLogEntry } from '../local/platform/call-log';
import type { ExportPage } from '../src/contract';
import { countsOf, mergeExportPages } from '../src/contract';

/**
 * Paged export and import at the bench's scale (issue #9): every data.export page of the seeded store,
 * then those pages imported back through data.import.start / append / finish and the async verify
 * events, each invocation on a fresh quota minute as the other rows are. Prints pages, the largest page,
 * read units and invocations; appends, the largest append payload, write units, consumer events and the
 * slowest one against the consumer's 55 s, and the total time spent in storage calls.
 */

const storageMs = (e: InvocationLogEntry): number =>
  e.calls.filter((c) => c.kind === 'kvs').reduce((n, c) => n + c.durationMs, 0);

export const importFigures = async (runtime: LocalRuntime, admin: string): Promise<void> => {
  const call = async (functionKey: string, payload: unknown) => {
    runtime.kvs.resetUsage();
    const outcome = await runtime.app.invokeResolver({
      moduleKey: 'cadence-board',
      functionKey,
      payload,
      accountId: admin,
    });
    const result = outcome.ok ? (outcome.result as { ok: boolean; data?: unknown; error?: unknown }) : undefined;
    if (result?.ok !== true)
      throw new Error(`${functionKey} failed: ${JSON.stringify(outcome.ok ? result?.error : outcome.error)}`);
    const entry = runtime.log.last();
    if (entry === undefined) throw new Error('no call log entry');
    return { data: result.data, entry, payloadBytes: Buffer.byteLength(JSON.stringify(payload)) };
  };

  const pages: ExportPage[] = [];
  const exported = { reads: 0, largest: 0, storageMs: 0 };
  let cursor: string | undefined;
  do {
    const { data, entry } = await call('data.export', cursor === undefined ? {} : { cursor });
    const answer = data as { page: ExportPage; nextCursor?: string };
    pages.push(answer.page);
    exported.reads += entry.summary.readUnits;
    exported.largest = Math.max(exported.largest, entry.responseBytes);
    exported.storageMs += storageMs(entry);
    cursor = answer.nextCursor;
  } while (cursor !== undefined);

  const doc = mergeExportPages(pages);
  const imported = { writes: 0, reads: 0, largest: 0, storageMs: 0 };
  const started = await call('data.import.start', {
    requestId: `bench-import-${String(Date.now())}`,
    header: { format: 'cadence-export', version: 1, counts: countsOf(doc) },
  });
  const { importId } = started.data as { importId: string };
  for (const [i, { format: _f, version: _v, exportedAt: _e, ...part }] of pages.entries()) {
    const { entry, payloadBytes } = await call('data.import.append', {
      importId,
      requestId: `bench-part-${String(i).padStart(5, '0')}`,
      part,
    });
    imported.writes += entry.summary.writeUnits;
    imported.reads += entry.summary.readUnits;
    imported.largest = Math.max(imported.largest, payloadBytes);
    imported.storageMs += storageMs(entry);
  }
  const finished = await call('data.import.finish', { importId });
  const seen = new Set(runtime.log.recent().map((e) => e.invocationId));
  // The chain runs back to back here; on Forge a step that meets the quota backs off or is redelivered.
  // Quota raised for the chain, so the figures are each event's own units (printed per event below).
  runtime.kvs.setQuota({ readUnitsPerMinute: 1e9, writeUnitsPerMinute: 1e9 });
  await runtime.events.drain();
  runtime.kvs.setQuota(FORGE_KVS_QUOTA);
  runtime.kvs.resetUsage();
  const events = runtime.log.recent().filter((e) => !seen.has(e.invocationId) && e.call === 'import-consumer');
  const status = (await call('data.import.status', { importId })).data as { state: string; verified: number };
  const sum = (f: (e: InvocationLogEntry) => number): number => events.reduce((n, e) => n + f(e), 0);
  console.log(
    `\nPaged export: ${String(pages.length)} pages (data.export invocations), largest page ${String(exported.largest)} bytes ` +
      `(limit 5 MB), ${String(exported.reads)} read units, ${String(Math.round(exported.storageMs))} ms in storage (summed over calls).`,
  );
  console.log(
    `Paged import (${status.state}, ${String(status.verified)} records verified): ${String(pages.length)} appends, ` +
      `largest append payload ${String(imported.largest)} bytes (limit 500 KB), ` +
      `${String(imported.writes + finished.entry.summary.writeUnits + started.entry.summary.writeUnits)} write units in the resolvers; ` +
      `${String(events.length)} consumer events: ${String(sum((e) => e.summary.readUnits))} read and ` +
      `${String(sum((e) => e.summary.writeUnits))} write units, slowest event ${String(Math.round(Math.max(0, ...events.map((e) => e.durationMs))))} ms ` +
      `(consumer limit 55 s), most read units in one event ${String(Math.max(0, ...events.map((e) => e.summary.readUnits)))}; ` +
      `storage time ${String(Math.round(imported.storageMs + sum(storageMs)))} ms (summed over calls, parallel ones too).`,
  );
};
