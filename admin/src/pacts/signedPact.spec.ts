import type { DocumentRecord } from '@generattivi/shared';
import { approvalWaitsForSignedPact, signedPactState } from './signedPact';

const doc = (id: number, createdAt: string, kind: DocumentRecord['kind'] = 'SIGNED_PACT') =>
  ({
    id,
    ownerType: 'pacts',
    ownerId: 7,
    kind,
    fileName: `scan-${id}.pdf`,
    mediaType: 'application/pdf',
    sizeBytes: 100,
    sha256: '0'.repeat(64),
    uploadedById: 1,
    createdAt,
  }) satisfies DocumentRecord;

describe(signedPactState.name, () => {
  it('is still checking while the list is read', () => {
    expect(signedPactState({ isPending: true })).toEqual({ status: 'checking' });
    expect(signedPactState({ isPending: false })).toEqual({ status: 'checking' });
  });

  it('is missing when the pact has no signed pact, nor counts another kind', () => {
    expect(signedPactState({ isPending: false, documents: [] })).toEqual({ status: 'missing' });
    expect(
      signedPactState({
        isPending: false,
        documents: [doc(1, '2026-12-06T10:00:00.000Z', 'OTHER')],
      }),
    ).toEqual({ status: 'missing' });
  });

  it('names the newest signed pact (the later id on the same instant)', () => {
    const older = doc(1, '2026-12-05T23:59:59.999Z');
    const newer = doc(2, '2026-12-06T00:00:00.000Z');
    const twin = doc(3, '2026-12-06T00:00:00.000Z');
    expect(signedPactState({ isPending: false, documents: [older, newer] })).toEqual({
      status: 'present',
      document: newer,
    });
    expect(signedPactState({ isPending: false, documents: [twin, older, newer] })).toEqual({
      status: 'present',
      document: twin,
    });
  });

  it('is not known when the list could not be read, whatever it held before', () => {
    expect(
      signedPactState({ isPending: false, error: new Error('offline'), documents: [] }),
    ).toEqual({ status: 'unknown' });
  });
});

describe(approvalWaitsForSignedPact.name, () => {
  it('holds the approval while missing or still checking, leaves it to the server otherwise', () => {
    expect(approvalWaitsForSignedPact({ status: 'missing' })).toBe(true);
    expect(approvalWaitsForSignedPact({ status: 'checking' })).toBe(true);
    expect(
      approvalWaitsForSignedPact({ status: 'present', document: doc(1, '2026-12-06T10:00:00Z') }),
    ).toBe(false);
    expect(approvalWaitsForSignedPact({ status: 'unknown' })).toBe(false);
  });
});
