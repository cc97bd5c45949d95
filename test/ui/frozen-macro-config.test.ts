import { asOfOf, DEFAULT_CONFIG, parseMacroConfig } from '../../static/src/views/macro/config';
import { defaultWeek, shownFigures } from '../../static/src/views/macro/figures-choice';

/** The macro's "Show figures" (issue #14): kept in its config, old configs still read, and the asOf it asks for. */
describe('frozen figures in the macro config', () => {
  const team = { ...DEFAULT_CONFIG, teamId: 't1' };

  it('reads configs saved before the choice as the backend default, and keeps a chosen week', () => {
    const { figures: _f, week: _w, ...old } = team;
    expect(parseMacroConfig(old)).toMatchObject({ figures: 'auto', week: '' });
    expect(parseMacroConfig({ ...team, figures: 'week', week: '2027-W05' })).toMatchObject({
      figures: 'week',
      week: '2027-W05',
    });
    expect(parseMacroConfig({ ...team, figures: 'cycle-end', week: '2027-W05' })).toMatchObject({
      figures: 'cycle-end',
      week: '',
    });
    // A week that is no ISO week, or an unknown choice, reads as the default rather than failing the page.
    expect(parseMacroConfig({ ...team, figures: 'week', week: 'May' })).toMatchObject({ figures: 'auto', week: '' });
    expect(parseMacroConfig({ ...team, figures: 'yesterday' })).toMatchObject({ figures: 'auto' });
  });

  it('asks scorecard.get for what was chosen, and nothing for the board or the check-in panel', () => {
    expect(asOfOf({ ...team, figures: 'auto' })).toBeUndefined();
    expect(asOfOf({ ...team, figures: 'live' })).toEqual({ kind: 'live' });
    expect(asOfOf({ ...team, figures: 'cycle-end' })).toEqual({ kind: 'cycle-end' });
    expect(asOfOf({ ...team, figures: 'week', week: '2027-W05' })).toEqual({ kind: 'week', week: '2027-W05' });
    expect(asOfOf({ ...team, kind: 'board', figures: 'week', week: '2027-W05' })).toBeUndefined();
    expect(asOfOf({ ...team, kind: 'check-in', figures: 'cycle-end' })).toBeUndefined();
  });

  it('shows the default as what it means for the cycle, and starts a week at the latest one so far', () => {
    expect(shownFigures('auto', { status: 'closed' })).toBe('cycle-end');
    expect(shownFigures('auto', { status: 'active' })).toBe('live');
    expect(shownFigures('auto', undefined)).toBe('live');
    expect(shownFigures('week', { status: 'closed' })).toBe('week');
    const cycle = { startDate: '2027-01-04', endDate: '2027-03-31' };
    expect(defaultWeek(cycle, new Date('2027-02-03T12:00:00Z'))).toBe('2027-W05');
    expect(defaultWeek(cycle, new Date('2026-12-01T12:00:00Z'))).toBe('2027-W01');
    expect(defaultWeek(cycle, new Date('2027-06-01T12:00:00Z'))).toBe('2027-W13');
  });
});
