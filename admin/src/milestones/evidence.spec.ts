import { evidenceAccept, evidenceCounts, evidenceFileProblem } from './evidence';

describe(evidenceAccept.name, () => {
  it('asks a phone for the rear camera, a desktop for a photo or a PDF', () => {
    expect(evidenceAccept(true)).toEqual({ accept: 'image/*', capture: 'environment' });
    const desktop = evidenceAccept(false);
    expect(desktop.capture).toBeUndefined();
    expect(desktop.accept.split(',')).toEqual(
      expect.arrayContaining(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']),
    );
  });
});

describe(evidenceFileProblem.name, () => {
  it('accepts the types the server keeps, and a type the browser does not name', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', '']) {
      expect(evidenceFileProblem({ type, size: 1 })).toBeNull();
    }
  });
  it('refuses an empty file and a photo the server would refuse', () => {
    expect(evidenceFileProblem({ type: 'image/jpeg', size: 0 })).toBe('empty');
    expect(evidenceFileProblem({ type: 'image/heic', size: 10 })).toBe('wrong_type');
    expect(evidenceFileProblem({ type: 'image/gif', size: 10 })).toBe('wrong_type');
    expect(evidenceFileProblem({ type: 'text/plain', size: 10 })).toBe('wrong_type');
  });
});

describe(evidenceCounts.name, () => {
  it('counts the evidence of each milestone, nothing else', () => {
    const counts = evidenceCounts([
      { ownerType: 'milestones', ownerId: 1, kind: 'EVIDENCE' },
      { ownerType: 'milestones', ownerId: 1, kind: 'EVIDENCE' },
      { ownerType: 'milestones', ownerId: 2, kind: 'EVIDENCE' },
      { ownerType: 'milestones', ownerId: 3, kind: 'OTHER' },
      { ownerType: 'pacts', ownerId: 4, kind: 'EVIDENCE' },
    ]);
    expect([...counts]).toEqual([
      [1, 2],
      [2, 1],
    ]);
    expect(evidenceCounts([]).size).toBe(0);
  });
});
