/* global window, document, performance, requestAnimationFrame, setTimeout */
/**
 * The baseline of bench/board-render.mjs: the same objective rows as the board, fetched the same way
 * (the bridge's invoke: board.get of the current cycle, the one call the board's first rows wait on),
 * rendered as a plain <ul> of every row with no
 * framework, no virtualisation and no styling. Marks the same points as the board
 * (static/src/views/board/perf-marks.ts) so the bench reads both the same way.
 */
const invoke = async (functionKey, payload) => {
  const result = await window.__bridge.callBridge('invoke', { functionKey, payload });
  if (!result.ok) throw new Error(`${functionKey}: ${result.error.message}`);
  return result.data;
};

const text = (value) => (value === null || value === undefined ? '–' : String(value));

const main = async () => {
  performance.mark('cadence:board:start');
  const board = await invoke('board.get', {});
  performance.mark('cadence:board:data');
  const teams = new Map(board.teams.map((t) => [t.id, t.name]));
  const items = [];
  const visit = (node, depth) => {
    const o = node.objective;
    const li = document.createElement('li');
    // Element Timing, as the board's row titles (static/src/views/board/perf-marks.ts ROW_TIMING).
    li.setAttribute('elementtiming', 'cadence:board:row');
    li.style.paddingLeft = `${depth * 20}px`;
    li.textContent = [
      o.title,
      o.level,
      teams.get(o.teamId) ?? '',
      `score ${text(o.score)}`,
      text(o.band),
      text(o.pace),
      o.ownerAccountId,
      `${o.keyResultSummary.count} KRs`,
    ].join(' · ');
    items.push(li);
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of board.roots) visit(root, 0);
  document.getElementById('rows').append(...items);
  // Same point as the board (markAfterPaint): a task queued from the next frame, after its paint.
  requestAnimationFrame(() => setTimeout(() => performance.mark('cadence:board:rows'), 0));
  document.body.dataset.rows = String(items.length);
};

main().catch((error) => {
  document.body.dataset.error = error instanceof Error ? error.message : String(error);
});
