import { seedScale } from '../../bench/scale-seed';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import { composeDeps } from '../../src/app/compose';
import { FORECAST_REFRESH_PAGE, refreshForecastsStep } from '../../src/usecases/refresh-forecasts';

/**
 * The forecast refresh after a cycle's dates move (src/usecases/refresh-forecasts.ts) goes through the
 * cycle a page of objectives per async event, by id, until none is left.
 */
describe('the forecast refresh', () => {
  it('pages through every objective of the cycle once, and ends', async () => {
    const runtime = createLocalRuntime();
    try {
      const seeded = await seedScale(runtime, { objectives: 60, companyObjectives: 3, keyResultsPerObjective: 1, epicsPerKeyResult: 0, projects: 1, teams: 2 });
      const ids = seeded.aggregates.map((a) => a.objective.id).sort();
      const deps = composeDeps();
      const pages: string[] = [];
      for (let after: string | undefined = ''; after !== undefined; ) {
        pages.push(after);
        after = await refreshForecastsStep(deps, seeded.cycle.id, after);
      }
      expect(pages).toEqual(['', ids[FORECAST_REFRESH_PAGE - 1], ids[2 * FORECAST_REFRESH_PAGE - 1]]);
      // A cycle that is gone has nothing to refresh.
      expect(await refreshForecastsStep(deps, 'no-such-cycle', '')).toBeUndefined();
    } finally {
      runtime.close();
    }
  });
});
