/**
 * The personal fields of audit events, by the events' entity type: identity and contacts of
 * a person, a household's name, a note's text, a document's file name. Before an event is
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
  households: ['name'],
  notes: ['body'],
  documents: ['fileName'],
};

/** Whose key encrypts personal data: a person or a household. */
export type SubjectType = 'beneficiaries' | 'households';
