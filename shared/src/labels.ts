/**
 * The Italian names of the domain's codes (those with an English one too are in text.ts), as people read them: the admin shows them and the
 * server writes them into exports, so both say the same.
 */
import type { AuditAction } from './audit';
import type {
  DocumentKind,
  EmploymentStatus,
  MilestoneStatus,
  NoteKind,
  Role,
  Sex,
  TerritoryCode,
} from './enums';
import { labelsIn, PACT_OUTCOME_LABELS, PACT_STATUS_LABELS, TERMINATION_CODE_LABELS } from './text';

export const ITALIAN_LABELS = {
  territory: {
    CREMA: 'Crema',
    CREMONA: 'Cremona',
    CASALMAGGIORE: 'Casalmaggiore',
  } satisfies Record<TerritoryCode, string>,
  role: {
    ADMIN: 'Amministratore',
    MANAGER: 'Responsabile',
    SOCIAL_WORKER: 'Assistente sociale',
    COMMUNITY_MAKER: 'Community maker',
  } satisfies Record<Role, string>,
  employmentStatus: {
    EMPLOYED: 'Occupato',
    UNEMPLOYED: 'Disoccupato',
    STUDENT: 'Studente',
    RETIRED: 'Pensionato',
    INACTIVE: 'Inattivo',
  } satisfies Record<EmploymentStatus, string>,
  sex: {
    F: 'Femmina',
    M: 'Maschio',
  } satisfies Record<Sex, string>,
  pactStatus: labelsIn(PACT_STATUS_LABELS, 'it'),
  milestoneStatus: {
    PENDING: 'Da raggiungere',
    ACHIEVED: 'Raggiunta',
    MISSED: 'Mancata',
    CANCELLED: 'Annullata',
  } satisfies Record<MilestoneStatus, string>,
  noteKind: {
    MEETING: 'Incontro',
    CALL: 'Telefonata',
    HOME_VISIT: 'Visita domiciliare',
    NOTE: 'Nota',
  } satisfies Record<NoteKind, string>,
  auditAction: {
    create: 'Creazione',
    update: 'Modifica',
    delete: 'Eliminazione',
    role_change: 'Cambio di ruolo',
    transition: 'Cambio di stato',
    assign: 'Assegnazione',
    hand_over: 'Passaggio dei patti',
    anonymise: 'Anonimizzazione',
    export: 'Esportazione',
    login: 'Accesso',
    login_failed: 'Accesso non riuscito',
    logout: 'Uscita',
    invitation: 'Invito',
    password_reset_request: 'Richiesta di nuova password',
    password_set: 'Password impostata',
    password_change: 'Password cambiata',
    mail_retry: 'Nuovo invio di un messaggio',
  } satisfies Record<AuditAction, string>,
  documentKind: {
    SIGNED_PACT: 'Patto firmato',
    ISEE_CERTIFICATE: 'Attestazione ISEE',
    IDENTITY_DOCUMENT: 'Documento d’identità',
    EVIDENCE: 'Prova',
    OTHER: 'Altro',
  } satisfies Record<DocumentKind, string>,
  outcome: labelsIn(PACT_OUTCOME_LABELS, 'it'),
  terminationCode: labelsIn(TERMINATION_CODE_LABELS, 'it'),
} as const;
