import { EXPORT_FORMAT, EXPORT_VERSION, ExportDocumentSchema, unknownFieldsOf } from './export-document';

/** Imports refuse what Cadence does not know rather than drop it silently (issue #10). */
const aDocument = () => ({
  format: EXPORT_FORMAT,
  version: EXPORT_VERSION,
  exportedAt: '2027-01-04T09:00:00.000Z',
  settings: { bands: { yellowFrom: 0.4, greenFrom: 0.7 } },
  cycles: [
    {
      id: 'cyc000000001',
      name: 'Q1 2027',
      kind: 'quarterly',
      startDate: '2027-01-01',
      endDate: '2027-03-31',
      status: 'active',
    },
  ],
  teams: [],
  objectives: [],
  keyResults: [],
  initiatives: [],
  checkIns: [],
  snapshots: [{ cycleId: 'cyc000000001', week: '2027-W01', values: { any: 0.5 } }],
});

describe('the export document', () => {
  it('takes a document with only known fields', () => {
    expect(ExportDocumentSchema.safeParse(aDocument()).success).toBe(true);
  });

  it('names every unknown field, at any depth, the first issue listing them all', () => {
    const doc = aDocument();
    const tampered = {
      ...doc,
      colour: 'red',
      settings: { bands: { ...doc.settings.bands, blueFrom: 0.9 } },
      cycles: [{ ...doc.cycles[0], owner: 'x' }],
    };
    const parsed = ExportDocumentSchema.safeParse(tampered);
    expect(parsed.success).toBe(false);
    const issues = parsed.error?.issues ?? [];
    expect(issues.map((i) => i.path.join('.'))).toEqual(['colour', 'cycles.0.owner', 'settings.bands.blueFrom']);
    expect(issues[0]?.message).toBe(
      'is not a field of a Cadence export; the document has 3 unknown field(s): colour, cycles.0.owner, settings.bands.blueFrom',
    );
  });

  it('keeps record keys (snapshot values) as data, not fields', () => {
    expect(unknownFieldsOf(aDocument(), ExportDocumentSchema.parse(aDocument()))).toEqual([]);
  });

  it('reports schema problems before unknown fields, at their path', () => {
    const parsed = ExportDocumentSchema.safeParse({ ...aDocument(), version: 2, extra: true });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['version']);
  });

  it('lists at most ten fields in words and counts the rest', () => {
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${String(i)}`, i]));
    const parsed = ExportDocumentSchema.safeParse({ ...aDocument(), ...many });
    expect(parsed.error?.issues[0]?.message).toMatch(/12 unknown field\(s\): f0, f1, .*, f9 and 2 more$/);
  });
});
