import { IMPORT_COLUMNS, IMPORT_MILESTONES, mapHeader, milestoneFields } from './import-columns';

describe('the columns of an import of pacts', () => {
  const columns = IMPORT_COLUMNS.pacts;

  it('has a title and a due date column for each milestone, none of them required', () => {
    for (let n = 1; n <= IMPORT_MILESTONES; n++) {
      const fields = milestoneFields(n);
      const title = columns.find((c) => c.field === fields.title);
      const dueDate = columns.find((c) => c.field === fields.dueDate);
      expect([title?.header, title?.required]).toEqual([`Tappa ${n} – titolo`, false]);
      expect([dueDate?.header, dueDate?.required]).toEqual([`Tappa ${n} – scadenza`, false]);
    }
    expect(columns.find((c) => c.field === milestoneFields(IMPORT_MILESTONES + 1).title)).toBe(
      undefined,
    );
  });

  it('requires the external code, the type, the district and the title only', () => {
    expect(columns.filter((c) => c.required).map((c) => c.header)).toEqual([
      'Codice esterno',
      'Tipo di patto',
      'Ambito',
      'Titolo',
    ]);
  });

  it('matches milestone headings written with a hyphen, other case or no dash', () => {
    const { positions, warnings, missing } = mapHeader(
      [
        'codice esterno',
        'TIPO DI PATTO',
        'Ambito',
        'Titolo',
        'Tappa 1 - Titolo',
        'tappa 1 scadenza',
      ],
      columns,
    );
    expect(warnings).toEqual([]);
    expect(missing).toEqual({});
    expect(positions.get(milestoneFields(1).title)).toBe(4);
    expect(positions.get(milestoneFields(1).dueDate)).toBe(5);
  });

  it('names the missing required column, suggesting a misspelled heading', () => {
    const { missing } = mapHeader(['Codice esterno', 'Tipo di pato', 'Ambito'], columns);
    expect(Object.keys(missing)).toEqual(['Tipo di patto', 'Titolo']);
    expect(missing['Tipo di patto']).toMatchObject({
      code: 'IMPORT_COLUMN_MISSPELLED',
      params: { column: 'Tipo di pato', suggestion: 'Tipo di patto' },
    });
  });
});
