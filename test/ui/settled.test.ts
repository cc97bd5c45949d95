import { prefetched, settledValue } from '../../static/src/api/settled';

/** Lets every callback queued on settled promises run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A load that counts its calls and answers what it was asked. */
const counting = () => {
  const calls: string[] = [];
  return {
    calls,
    load: (cycle: string) => {
      calls.push(cycle);
      return Promise.resolve(`fresh ${cycle}`);
    },
  };
};

describe('a prefetched answer (static/src/api/settled.ts)', () => {
  it('serves the first load only; a reload asks again', async () => {
    const { calls, load } = counting();
    const first = prefetched(Promise.resolve('early c1'), load, (value, cycle) => value.endsWith(cycle));
    await expect(first.get('c1')).resolves.toBe('early c1');
    await expect(first.get('c1')).resolves.toBe('fresh c1');
    expect(calls).toEqual(['c1']);
  });

  it('is read by a first render once it has arrived, and then used up', async () => {
    const { calls, load } = counting();
    const first = prefetched(Promise.resolve('early c1'), load, (value, cycle) => value.endsWith(cycle));
    // Not arrived yet: the render shows a loading state and loads.
    expect(first.take('c1')).toBeUndefined();
    await flush();
    expect(first.take('c2')).toBeUndefined();
    expect(first.take('c1')).toBe('early c1');
    expect(first.take('c1')).toBeUndefined();
    await expect(first.get('c1')).resolves.toBe('fresh c1');
    expect(calls).toEqual(['c1']);
  });

  it('is not served for other arguments, which are loaded', async () => {
    const { calls, load } = counting();
    const first = prefetched(Promise.resolve('early c1'), load, (value, cycle) => value.endsWith(cycle));
    await expect(first.get('c2')).resolves.toBe('fresh c2');
    expect(calls).toEqual(['c2']);
  });

  it('never serves a failure: the first load asks again, and there is nothing to take', async () => {
    const { calls, load } = counting();
    const first = prefetched(Promise.reject(new Error('offline')), load);
    await flush();
    expect(first.take('c1')).toBeUndefined();
    await expect(first.get('c1')).resolves.toBe('fresh c1');
    expect(calls).toEqual(['c1']);
  });

  it('once taken, is not served to a load as well', async () => {
    const { calls, load } = counting();
    const first = prefetched(Promise.resolve('early c1'), load);
    await flush();
    expect(first.take('c1')).toBe('early c1');
    await expect(first.get('c1')).resolves.toBe('fresh c1');
    expect(calls).toEqual(['c1']);
  });
});

describe('settledValue', () => {
  it('reads nothing before the promise resolves, its value after, and nothing after a failure', async () => {
    const value = settledValue(Promise.resolve(7));
    expect(value()).toBeUndefined();
    await flush();
    expect(value()).toBe(7);
    const failed = settledValue<number>(Promise.reject(new Error('no')));
    await flush();
    expect(failed()).toBeUndefined();
  });
});
