import { columns } from './list-columns';
import { defineListSpec } from './list-query';

describe('columns', () => {
  it('declares each field on the property of its name, in order, with what more it needs', () => {
    const fields = columns('id:int status:enum tags:int createdAt:instant', {
      status: { values: ['A', 'B'] },
      tags: { jsonArray: true },
    });
    expect(Object.keys(fields)).toEqual(['id', 'status', 'tags', 'createdAt']);
    expect(fields).toEqual({
      id: { column: 'id', type: 'int' },
      status: { column: 'status', type: 'enum', values: ['A', 'B'] },
      tags: { column: 'tags', type: 'int', jsonArray: true },
      createdAt: { column: 'createdAt', type: 'instant' },
    });
  });

  it('reads a long declaration from several lines, as from one', () => {
    expect(columns(['id:int name:string', 'createdAt:instant'])).toEqual(
      columns('id:int name:string createdAt:instant'),
    );
  });

  it('makes a spec the list query accepts', () => {
    const spec = defineListSpec({
      resource: 'things',
      alias: 't',
      fields: columns('id:int name:string'),
      defaultSort: ['name', 'ASC'],
    });
    expect(spec.fields.name).toEqual({ column: 'name', type: 'string' });
    const sortedByUnknown = () =>
      defineListSpec({
        resource: 'things',
        alias: 't',
        fields: columns('id:int name:string'),
        // @ts-expect-error the field names come from the line: there is no `title`
        defaultSort: ['title', 'ASC'],
      });
    expect(sortedByUnknown).toThrow();
  });
});
