import { reportQueryFrom, reportQuerySearch } from './reportFilters';

describe('dashboard filters in the address', () => {
  it('reads the filters it knows, well formed', () => {
    expect(
      reportQueryFrom(
        new URLSearchParams('territoryId=2&type=AUTONOMY&from=2026-01-01&to=2026-12-31'),
      ),
    ).toEqual({ territoryId: 2, type: 'AUTONOMY', from: '2026-01-01', to: '2026-12-31' });
  });

  it('leaves out what is malformed or unknown', () => {
    expect(
      reportQueryFrom(
        new URLSearchParams('territoryId=x&type=OTHER&from=2026-02-30&to=31/12/2026&q=1'),
      ),
    ).toEqual({});
    expect(reportQueryFrom(new URLSearchParams('territoryId=0'))).toEqual({});
    expect(reportQueryFrom(new URLSearchParams('territoryId=1.5'))).toEqual({});
  });

  it('writes only the filters set, and reads back what it wrote', () => {
    const query = { territoryId: 3, type: null, from: '2026-03-01' } as const;
    const search = reportQuerySearch(query);
    expect(search.toString()).toBe('territoryId=3&from=2026-03-01');
    expect(reportQueryFrom(search)).toEqual({ territoryId: 3, from: '2026-03-01' });
    expect(reportQuerySearch({}).toString()).toBe('');
  });
});
