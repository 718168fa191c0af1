import type { DocumentRecord } from '@generattivi/shared';

/**
 * What the approve dialog knows of the pact's signed pact: still asking, one attached (the
 * newest), none (approval waits for the upload), or not known (the list could not be read:
 * the server decides).
 */
export type SignedPactState =
  | { status: 'checking' }
  | { status: 'present'; document: DocumentRecord }
  | { status: 'missing' }
  | { status: 'unknown' };

/** The state from the list of the pact's SIGNED_PACT documents, newest first. */
export function signedPactState({
  isPending,
  error,
  documents,
}: {
  isPending: boolean;
  error?: unknown;
  documents?: readonly DocumentRecord[];
}): SignedPactState {
  if (error) return { status: 'unknown' };
  if (isPending || !documents) return { status: 'checking' };
  const [newest] = [...documents]
    .filter((d) => d.kind === 'SIGNED_PACT')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  return newest ? { status: 'present', document: newest } : { status: 'missing' };
}

/** Whether approving must wait: only when the pact is known to lack its signed pact. */
export function approvalWaitsForSignedPact(state: SignedPactState): boolean {
  return state.status === 'missing' || state.status === 'checking';
}
