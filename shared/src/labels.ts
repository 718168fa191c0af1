/**
 * The Italian names of the domain's codes, as people read them: the admin shows them and the
 * server writes them into exports, so both say the same.
 */
import type {
  EmploymentStatus,
  MilestoneStatus,
  NoteKind,
  PactOutcome,
  PactStatus,
  Role,
  Sex,
  TerminationCode,
  TerritoryCode,
} from './enums';

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
  pactStatus: {
    DRAFT: 'Bozza',
    SUBMITTED: 'Inviato',
    ACTIVE: 'Attivo',
    SUSPENDED: 'Sospeso',
    COMPLETED: 'Concluso',
    TERMINATED: 'Interrotto',
    CANCELLED: 'Annullato',
  } satisfies Record<PactStatus, string>,
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
  outcome: {
    EMPLOYED: 'Occupazione trovata',
    TRAINING: 'Percorso di formazione',
    INTERNSHIP: 'Tirocinio',
    PARTIAL: 'Obiettivi raggiunti in parte',
    AUTONOMY_REGAINED: 'Autonomia riconquistata',
    IMPROVED: 'Condizione migliorata',
    REFERRED_TO_SERVICES: 'Preso in carico dai servizi',
  } satisfies Record<PactOutcome, string>,
  terminationCode: {
    DROPPED_OUT: 'Abbandono',
    MOVED_AWAY: 'Trasferimento',
    NO_LONGER_ELIGIBLE: 'Requisiti non più soddisfatti',
    OTHER: 'Altro',
  } satisfies Record<TerminationCode, string>,
} as const;
