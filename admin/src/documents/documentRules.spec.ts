import { DOCUMENT_KINDS } from '@generattivi/shared';
import { canDeleteDocument, canReadContent, uploadableKinds } from './documentRules';

describe('document rules', () => {
  it('offers every kind to a social worker and an admin, EVIDENCE to a maker on pacts only', () => {
    expect(uploadableKinds('SOCIAL_WORKER', 'beneficiaries')).toEqual(DOCUMENT_KINDS);
    expect(uploadableKinds('ADMIN', 'pacts')).toEqual(DOCUMENT_KINDS);
    expect(uploadableKinds('COMMUNITY_MAKER', 'pacts')).toEqual(['EVIDENCE']);
    expect(uploadableKinds('COMMUNITY_MAKER', 'households')).toEqual([]);
    expect(uploadableKinds('MANAGER', 'pacts')).toEqual([]);
    expect(uploadableKinds(undefined, 'pacts')).toEqual([]);
  });
  it('lets a maker delete only EVIDENCE, a manager nothing', () => {
    expect(canDeleteDocument('SOCIAL_WORKER', 'SIGNED_PACT')).toBe(true);
    expect(canDeleteDocument('COMMUNITY_MAKER', 'EVIDENCE')).toBe(true);
    expect(canDeleteDocument('COMMUNITY_MAKER', 'OTHER')).toBe(false);
    expect(canDeleteDocument('MANAGER', 'EVIDENCE')).toBe(false);
  });
  it('keeps the content from the manager', () => {
    expect(canReadContent('MANAGER')).toBe(false);
    expect(canReadContent('SOCIAL_WORKER')).toBe(true);
    expect(canReadContent('COMMUNITY_MAKER')).toBe(true);
  });
});
