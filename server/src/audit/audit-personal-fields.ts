/**
 * The personal fields of audit events, by the events' entity type: identity and contacts of
 * a person (and the note resolving a possible duplicate of them), a household's name and the
 * text of its vulnerability, a note's text, a document's file name. Before an event is
 * hashed they are encrypted with the key of the person (or household) they are about, so
 * that destroying that key erases them while the chain still verifies.
 */
export const PERSONAL_AUDIT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  beneficiaries: [
    'firstName',
    'lastName',
    'fiscalCode',
    'birthDate',
    'address',
    'phone',
    'email',
    'resolutionNote',
  ],
  households: ['name', 'vulnerabilityReason'],
  notes: ['body'],
  documents: ['fileName'],
};

/** Whose key encrypts personal data: a person or a household. */
export type SubjectType = 'beneficiaries' | 'households';
