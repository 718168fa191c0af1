import { ROLES } from './enums';
import { ROLES_NEEDING_TERRITORY, territoryRequired } from './users';

describe(territoryRequired.name, () => {
  it('asks a territory of the social worker and the community maker only', () => {
    expect(ROLES.filter(territoryRequired)).toEqual(['SOCIAL_WORKER', 'COMMUNITY_MAKER']);
    expect([...ROLES_NEEDING_TERRITORY]).toEqual(['SOCIAL_WORKER', 'COMMUNITY_MAKER']);
  });

  it('asks nothing of a role not chosen yet', () => {
    expect(territoryRequired(undefined)).toBe(false);
    expect(territoryRequired(null)).toBe(false);
  });
});
