import { primarySignal, summarizeStatuses, trackStatus } from './status';

describe('trackStatus', () => {
  const at = (progress: number | null, expected = 0.6, stale = false) => trackStatus({ progress, expected, stale });

  it('is on pace at or above the expected line, and within 0.1 below it', () => {
    expect(at(0.9)).toBe('on_pace');
    expect(at(0.6)).toBe('on_pace');
    expect(at(0.5)).toBe('on_pace');
  });

  it('is behind more than 0.1 below the line, and at risk 0.25 or more below it', () => {
    expect(at(0.49)).toBe('behind');
    expect(at(0.36)).toBe('behind');
    expect(at(0.35)).toBe('at_risk');
    expect(at(0)).toBe('at_risk');
  });

  it('says stale before anything else, and no_value when nothing is measured', () => {
    expect(at(0.9, 0.6, true)).toBe('stale');
    expect(at(null)).toBe('no_value');
  });

  it('takes other thresholds', () => {
    expect(trackStatus({ progress: 0.45, expected: 0.6, stale: false }, { behindBy: 0.05, atRiskBy: 0.15 })).toBe('at_risk');
  });
});

describe('primarySignal', () => {
  it('is pace while a cycle is planned or runs, grades in review and after', () => {
    expect(primarySignal('planning')).toBe('pace');
    expect(primarySignal('active')).toBe('pace');
    expect(primarySignal('review')).toBe('grade');
    expect(primarySignal('closed')).toBe('grade');
  });
});

describe('summarizeStatuses', () => {
  it('counts each status and leaves drafts out', () => {
    expect(
      summarizeStatuses([
        { status: 'on_pace', draft: false },
        { status: 'on_pace', draft: false },
        { status: 'at_risk', draft: false },
        { status: 'stale', draft: false },
        { status: 'behind', draft: true },
      ]),
    ).toEqual({ on_pace: 2, behind: 0, at_risk: 1, stale: 1, no_value: 0, total: 4 });
  });
});
