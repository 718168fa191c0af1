/**
 * Every error code of the API (errors.ts) in Italian, with its parameters as %{name}: the admin
 * shows them (its Italian catalogue is this one), and the server writes them where it answers
 * with a file (an import's «Esito» column). %{seconds} is a wait already in words ("42
 * secondi", "14 minuti").
 */
import type { CodedError, ErrorCode } from './errors';

/** The refusals of a login (429), with the wait in words: the login page's own. */
export const ITALIAN_LOGIN_ERROR_MESSAGES = {
  ACCOUNT_LOCKED:
    'Troppi tentativi non riusciti per questo account da questo indirizzo: riprova tra %{seconds}.',
  ACCOUNT_BACKOFF:
    'Troppi tentativi non riusciti per questo account da più indirizzi: riprova tra %{seconds}.',
  LOGIN_RATE_LIMITED: 'Troppi tentativi di accesso da questo indirizzo: riprova tra %{seconds}.',
  TOO_MANY_REQUESTS: 'Troppe richieste: riprova tra poco.',
  PASSWORD_RESET_RATE_LIMITED:
    'Troppe richieste di reimpostazione della password: riprova tra %{seconds}.',
  PASSWORD_TOKEN_INVALID:
    'Il link per impostare la password non è valido: forse è incompleto o ne è stato inviato uno più recente. Chiedine uno nuovo.',
  PASSWORD_TOKEN_EXPIRED:
    'Il link per impostare la password è scaduto. Chiedine uno nuovo con «Password dimenticata?».',
  PASSWORD_TOKEN_USED:
    'Il link per impostare la password è già stato usato. Accedi, oppure chiedine uno nuovo con «Password dimenticata?».',
} satisfies Partial<Record<ErrorCode, string>>;

export const ITALIAN_ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: 'Alcuni campi non sono validi: correggili e riprova.',
  LIST_QUERY: "La richiesta dell'elenco non è valida (filtro, ordinamento o pagina).",
  MALFORMED_JSON: 'La richiesta non è un JSON valido.',
  EMPTY_JSON_BODY: 'La richiesta è vuota.',
  BODY_TOO_LARGE: 'La richiesta è troppo grande (al massimo %{maxBytes} byte).',
  IMPORT_TOO_LARGE:
    'Il file è troppo grande: al massimo %{maxBytes} byte e %{maxRows} righe; dividilo in più file.',
  IMPORT_UNZIPPED_TOO_LARGE:
    'Il file Excel, decompresso, supera %{maxBytes} byte: dividilo in più file o salvalo come CSV.',
  IMPORT_UNREADABLE: 'Il file non si legge: carica un CSV o un file Excel (.xlsx).',
  IMPORT_NO_ROWS: 'Il file non contiene righe da importare.',
  IMPORT_NOT_FOUND: 'Importazione %{id} non trovata.',
  IMPORT_NOT_FINISHED: "L'importazione non è ancora terminata (stato %{status}): riprova tra poco.",
  IMPORT_FILE_ERASED:
    'Il file di questa importazione e il suo esito sono stati cancellati: si conservano %{days} giorni, o finché una persona che contengono non viene anonimizzata.',
  UNSUPPORTED_MEDIA_TYPE: 'Formato della richiesta non supportato (serve JSON).',
  EXPORT_TOO_LARGE: 'Troppe righe da esportare (più di %{maxRows}): restringi i filtri e riprova.',
  DOCUMENT_TOO_LARGE: 'Il file è troppo grande: al massimo %{maxBytes}.',
  DOCUMENT_TYPE_UNSUPPORTED: 'Tipo di file non accettato: sono ammessi %{types}.',
  CONTENT_LENGTH_MISMATCH: 'La lunghezza della richiesta non corrisponde al contenuto.',
  BAD_REQUEST: 'Richiesta non valida.',
  IDEMPOTENCY_KEY_INVALID:
    "L'intestazione %{header} della richiesta deve essere un UUID, per esempio 123e4567-e89b-12d3-a456-426614174000.",
  UNAUTHORIZED: 'Sessione scaduta o mancante: accedi di nuovo.',
  BAD_CREDENTIALS: 'Email o password non corretti.',
  FORBIDDEN: 'Non hai i permessi per questa operazione.',
  ROLE_FORBIDDEN: 'Il ruolo %{role} non può eseguire questa operazione.',
  NOT_IN_TERRITORY: "Non lavori nell'ambito %{territory}.",
  MANAGER_READ_ONLY: 'I responsabili consultano i patti, non li modificano.',
  MAKER_EDITS_DRAFTS_ONLY: 'I community maker modificano i patti solo finché sono bozze.',
  MAKER_FIELDS_ONLY:
    'I community maker possono modificare solo titolo, obiettivi e impegni, non: %{fields}.',
  PACT_DELETE_FORBIDDEN:
    'Solo un amministratore o gli assistenti sociali del suo ambito possono eliminare un patto.',
  ASSIGN_FORBIDDEN: 'Solo un amministratore o un assistente sociale assegna i community maker.',
  LAB_NOT_IN_TERRITORY: 'Puoi modificare solo i laboratori di comunità dei tuoi ambiti.',
  TEMPLATE_NOT_IN_TERRITORY:
    'Puoi gestire solo i modelli di patto dei tuoi ambiti; quelli per tutti gli ambiti sono dell’amministratore.',
  CIVIC_CENTER_NOT_IN_TERRITORY: 'Puoi modificare solo i Civic Center dei tuoi ambiti.',
  MAKER_EVIDENCE_ONLY:
    'I community maker allegano solo documentazione di attività ai patti loro assegnati e alle loro tappe.',
  ASSIGNMENT_ENDED:
    'Il patto è %{status}: la tua assegnazione è terminata e i dati delle persone che nomina non ti sono più accessibili.',
  NOT_FOUND: '%{resource} n. %{id}: non trovato.',
  ROUTE_NOT_FOUND: 'Indirizzo non trovato: %{method} %{path}.',
  ADMIN_NOT_BUILT: "L'interfaccia di amministrazione non è installata sul server.",
  APPEND_ONLY: 'Questi record si aggiungono soltanto: non si modificano né si eliminano.',
  METHOD_NOT_ALLOWED: 'Operazione non consentita su questo indirizzo.',
  VERSION_CONFLICT:
    'Qualcun altro ha modificato questo record (hai la versione %{sent}, ora è alla %{current}): ricarica e ripeti la modifica.',
  DUPLICATE_CODE: 'Esiste già un ambito con il codice %{code}.',
  DUPLICATE_EMAIL: 'Un altro account usa già questo indirizzo email.',
  DUPLICATE_SAVED_FILTER:
    'Hai già un filtro salvato «%{name}» per questo elenco: scegli un altro nome.',
  TOO_MANY_SAVED_FILTERS: 'Puoi salvare al massimo %{max} filtri per elenco: eliminane uno prima.',
  DUPLICATE_FISCAL_CODE: 'Un altro beneficiario ha già il codice fiscale %{fiscalCode}.',
  BENEFICIARY_ANONYMISED:
    'La persona è stata anonimizzata: la scheda non si modifica più e nessun patto aperto può riguardarla.',
  ANONYMISE_OPEN_PACTS:
    'La persona ha patti ancora aperti (%{references}): chiudili prima di anonimizzarla.',
  DOCUMENT_ERASED:
    'Il contenuto del documento è stato cancellato quando la persona è stata anonimizzata.',
  FISCAL_CODE_UNAVAILABLE:
    "Questo codice fiscale non si può registrare: l'amministratore è stato avvisato e verificherà il possibile doppione.",
  POSSIBLE_DUPLICATE_RESOLVED: 'Questo possibile doppione è già stato segnato come risolto.',
  OPEN_PACT_EXISTS: "C'è già un patto aperto di tipo %{type} per questa persona o questo nucleo.",
  PACT_CLOSED: 'Il patto è %{status}: non si può più modificare.',
  PACT_CLOSED_CHILDREN: 'Il patto è chiuso: le sue tappe e assegnazioni non si possono modificare.',
  PACT_NOT_DRAFT:
    'Il beneficiario e il nucleo di un patto si possono cambiare solo finché è una bozza.',
  PACT_NOT_DRAFT_DELETE:
    'Si eliminano solo i patti in bozza; questo è %{status}: annullalo invece.',
  MILESTONE_DELETE_NOT_DRAFT:
    'Le tappe si eliminano solo finché il patto è una bozza: segnala come annullata invece.',
  ALREADY_ASSIGNED: "L'utente n. %{userId} segue già questo patto.",
  TRANSITION_NOT_ALLOWED: 'Da %{from} non si può passare a %{to}; stati consentiti: %{allowed}.',
  REFERENCED: '%{resource} n. %{id} è indicato in %{count} patti e non si può eliminare.',
  HAS_DOCUMENTS: 'Ci sono %{count} documenti allegati: eliminali prima di eliminare questo record.',
  LAST_SIGNED_PACT:
    'È l’unico patto firmato di un patto già approvato: carica prima la nuova copia firmata, poi elimina questa.',
  REFERENCED_MEANWHILE:
    '%{resource} n. %{id} è stato collegato ad altri record nel frattempo e non si può eliminare.',
  PACT_HAS_NOTES: 'Il patto ha note di diario, che non si eliminano mai: annullalo invece.',
  TERRITORY_REFERENCED: "L'ambito n. %{id} è usato da account e pratiche e non si può eliminare.",
  DEPENDENCY_CHANGED:
    'Un record da cui dipende questa modifica è cambiato nello stesso momento: ricarica e riprova.',
  USER_INACTIVE: 'L’account è disattivato: riattivalo prima di inviare l’invito.',
  MAIL_NOT_RETRIABLE: 'Si può inviare di nuovo solo un messaggio non riuscito (stato: %{status}).',
  USER_NOT_DELETABLE: "L'account n. %{id} non si elimina: si disattiva (attivo: no).",
  USER_HOLDS_OPEN_PACTS:
    'L’utente ha ancora %{count} patti aperti: passali a un collega («Passa i patti») prima di disattivarlo, cambiarne il ruolo o togliergli gli ambiti di quei patti.',
  HAND_OVER_NOT_HELD:
    'Patti %{references}: non sono patti aperti seguiti da questa persona. Nessun patto è stato passato.',
  HOUSEHOLD_HAS_MEMBERS:
    'Il nucleo familiare n. %{id} ha %{members} componenti e non si può eliminare.',
  DATABASE_BUSY:
    'Il database è occupato da altre modifiche: non è stato salvato nulla; riprova tra un momento.',
  IDEMPOTENCY_IN_PROGRESS:
    'La stessa richiesta è ancora in elaborazione: riprova tra %{seconds} per riceverne la risposta.',
  NOT_ELIGIBLE: 'Il patto non soddisfa i requisiti di ammissibilità.',
  IDEMPOTENCY_KEY_REUSED:
    'Questa chiave di idempotenza è già stata usata per una richiesta diversa: ripeti la richiesta con una chiave nuova.',
  APPROVAL_REQUIREMENTS: 'Il patto non si può ancora approvare: manca qualcosa.',
  HAND_OVER_OTHER_TERRITORY:
    '%{user} non lavora nell’ambito dei patti %{references}. Nessun patto è stato passato.',
  SIGNED_PACT_MISSING:
    'Manca il patto firmato: caricalo tra i documenti del patto prima di approvarlo.',
  ...ITALIAN_LOGIN_ERROR_MESSAGES,
  INTERNAL: 'Errore imprevisto del server (richiesta %{requestId}): è stato registrato.',
  BUSY: 'Il server è occupato con altre richieste pesanti (report, ricerche, verifica); riprova tra %{seconds}.',
  SERVICE_UNAVAILABLE: 'Il servizio non è disponibile in questo momento: riprova tra poco.',
  UNKNOWN_FIELD: 'campo non previsto',
  REQUIRED: 'obbligatorio',
  NOT_BLANK: 'non può essere vuoto',
  NOT_STRING: 'deve essere un testo',
  NOT_INTEGER: 'deve essere un numero intero',
  NOT_NUMBER: 'deve essere un numero',
  NOT_BOOLEAN: 'deve essere sì o no',
  NOT_ARRAY: 'deve essere un elenco',
  NOT_OBJECT: 'deve essere un oggetto',
  POSITIVE_WHOLE_NUMBER: 'deve essere un numero intero positivo',
  MIN: 'non può essere minore di %{min}',
  MAX: 'non può essere maggiore di %{max}',
  MIN_LENGTH: 'deve avere almeno %{min} caratteri',
  MAX_LENGTH: 'può avere al massimo %{max} caratteri',
  MIN_ITEMS: 'ne serve almeno %{min}',
  MAX_ITEMS: 'può contenere al massimo %{max} elementi',
  UNIQUE_ITEMS: 'non può contenere elementi ripetuti',
  ONE_OF: 'deve essere uno tra: %{values}',
  EMAIL: 'deve essere un indirizzo email valido',
  PHONE: 'deve essere un numero di telefono: cifre, spazi e + . / ( ) -',
  PATTERN: 'non è nel formato previsto',
  DATE: 'deve essere una data nel formato AAAA-MM-GG',
  INSTANT: 'deve essere un istante ISO 8601, per esempio 2026-11-25T10:00:00Z',
  EUROS: 'deve essere un importo in euro, 0 o più, con al massimo 2 decimali (vuoto se non noto)',
  NOT_BEFORE: 'non può essere precedente al %{date}',
  NOT_FUTURE: 'non può essere nel futuro',
  IMPORT_COLUMN_MISSING: 'manca la colonna «%{column}»',
  IMPORT_COLUMN_IGNORED: 'la colonna «%{column}» non è prevista ed è stata ignorata',
  IMPORT_COLUMN_MISSPELLED:
    'la colonna «%{column}» non è prevista: forse intendevi «%{suggestion}»?',
  IMPORT_DUPLICATE_ROW: 'è già alla riga %{line} del file',
  IMPORT_NO_SUCH_CODE: 'nessun record con il codice esterno %{code}',
  IMPORT_NO_SUCH_PERSON:
    'nessuna persona dei tuoi ambiti ha il codice fiscale %{fiscalCode}: importala prima tra le persone',
  IMPORT_NO_SUCH_USER: "nessun utente ha l'email %{email}",
  IMPORT_NOT_ELIGIBLE: 'non ammissibile: %{reason}',
  IMPORT_SAME_MILESTONE: 'è lo stesso titolo della tappa %{n}: ogni tappa del patto ha il suo',
  IMPORT_CODE_TAKEN: 'il codice esterno %{code} è già di un patto di un altro ambito',
  IMPORT_STATUS_FIXED: "il patto è già %{status}: l'importazione non ne cambia lo stato",
  EMPTY_FILE: 'il file è vuoto',
  AFTER_START: 'deve essere successiva alla data di inizio',
  READ_ONLY: 'è di sola lettura',
  CURRENT_PASSWORD_WRONG: 'non è la password attuale',
  PASSWORD_UNCHANGED: 'è uguale alla password attuale: scegline una diversa',
  READ_ONLY_ON_CREATE: 'è di sola lettura: non si imposta alla creazione',
  REQUIRED_FOR_TYPE: 'è obbligatorio per un patto di tipo %{type}',
  REQUIRED_WHEN_VULNERABLE: 'è obbligatorio quando il nucleo è valutato vulnerabile',
  NOT_MUNICIPALITY_OF: 'non è un comune di %{territory}',
  UNKNOWN_TERRITORY: 'indica un ambito che non esiste',
  NO_SUCH_RECORD: '%{resource} n. %{id}: non esiste o non è visibile',
  HOUSEHOLD_OTHER_TERRITORY:
    'il nucleo familiare n. %{id} appartiene a un altro ambito rispetto al beneficiario',
  SOCIAL_WORKER_OF_TERRITORY: "deve essere un assistente sociale attivo dell'ambito del patto",
  MAKER_OF_TERRITORY: "deve essere un community maker attivo dell'ambito del patto",
  MAKERS_OF_TERRITORY: 'utenti %{ids}: non sono community maker attivi di %{territory}',
  LAB_OF_TERRITORY: "deve essere un laboratorio di comunità dell'ambito del patto",
  MILESTONE_AFTER_DURATION: 'deve essere entro la durata del modello (%{durationDays} giorni)',
  TEMPLATE_OTHER_TYPE: 'il modello è per i patti di tipo %{type}',
  TEMPLATE_OTHER_TERRITORY: 'il modello è per l’ambito %{territory}',
  REQUIRED_WITH_TEMPLATE: 'è obbligatoria con un modello: le tappe sono datate a partire da questa',
  HAND_OVER_RECEIVER: 'deve essere un altro utente attivo con lo stesso ruolo',
  HAND_OVER_GIVER: 'deve essere un community maker o un assistente sociale',
  NOTHING_TO_HAND_OVER: 'non segue patti aperti che tu possa passare',
  ACHIEVED_DATE_ONLY_WHEN_ACHIEVED: 'solo una tappa raggiunta ha una data di raggiungimento',
  SELF_CHANGE: 'non puoi cambiare il tuo ruolo né disattivarti',
  WEAK_PASSWORD:
    'è troppo facile da indovinare (una password comune, una parola di dizionario o una sequenza semplice): scegli una frase di più parole slegate tra loro',
  FISCAL_CODE_FORMAT:
    'non è un codice fiscale ben formato (16 caratteri: lettere e cifre al loro posto)',
  FISCAL_CODE_CHECK_CHARACTER: 'il carattere di controllo non corrisponde',
  FISCAL_CODE_BIRTH_DATE_INVALID: 'la data di nascita codificata non esiste',
  FISCAL_CODE_BIRTH_DATE_MISMATCH:
    'la data di nascita codificata non corrisponde alla data di nascita',
  FISCAL_CODE_SEX_MISMATCH: 'il sesso codificato non corrisponde al sesso',
  REASON_REQUIRED: 'serve una motivazione',
  OUTCOME_REQUIRED: 'serve un esito',
  OUTCOME_INVALID: 'esito non valido per questo passaggio',
  OPEN_MILESTONES_DECISION_REQUIRED:
    'Tappe ancora da fare: %{count} (%{titles}); scegli se segnarle come non raggiunte o annullate',
  OPEN_MILESTONES_INVALID: 'scelta sulle tappe aperte non valida per questo passaggio',
  NO_COMMUNITY_MAKER: 'Nessun community maker assegnato',
  NO_MILESTONE: 'Serve almeno una tappa',
  NO_START_DATE: 'Data di inizio non indicata',
  NO_PLANNED_END_DATE: 'Data di fine prevista non indicata',
  QUERY_PARAM: '%{param} non valido: %{reason}',
  SEARCH_TOO_SHORT:
    'serve almeno una parola di %{min} caratteri (le parole più corte sono ignorate)',
  TOO_DEEP: 'è annidato oltre %{max} livelli',
  NUL_CHARACTER: 'non può contenere il carattere NUL (\\u0000)',
  INVALID: 'non è valido',
};

/** The Italian wording of a coded error, its parameters put in. */
export function italianErrorMessage(error: CodedError): string {
  const params = error.params as Record<string, string | number>;
  return ITALIAN_ERROR_MESSAGES[error.code].replace(/%\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
