import { ITALIAN_LOGIN_ERROR_MESSAGES } from '@generattivi/shared';
import type { TranslationMessages } from 'react-admin';

/*
 * What the login page says in Italian: it travels in the first script, before the sign-in
 * form. The rest of the wording (it.ts, which includes this) comes with the admin's chunk.
 */

/** Every key of react-admin 5, the ones it declares optional included. */
type RaMessages = TranslationMessages['ra'] &
  Required<Pick<TranslationMessages['ra'], 'guesser' | 'configurable'>>;

export const ra: RaMessages = {
  action: {
    add_filter: 'Aggiungi filtro',
    add: 'Aggiungi',
    back: 'Indietro',
    bulk_actions: '1 elemento selezionato |||| %{smart_count} elementi selezionati',
    cancel: 'Annulla',
    clear_array_input: 'Svuota la lista',
    clear_input_value: 'Cancella il valore',
    clone: 'Duplica',
    confirm: 'Conferma',
    create: 'Crea',
    create_item: 'Crea %{item}',
    delete: 'Elimina',
    edit: 'Modifica',
    export: 'Esporta',
    list: 'Elenco',
    refresh: 'Aggiorna',
    remove_filter: 'Rimuovi questo filtro',
    remove_all_filters: 'Rimuovi tutti i filtri',
    remove: 'Rimuovi',
    reset: 'Reimposta',
    save: 'Salva',
    search: 'Cerca',
    search_columns: 'Cerca colonne',
    select_all: 'Seleziona tutto',
    select_all_button: 'Seleziona tutto',
    select_row: 'Seleziona questa riga',
    show: 'Mostra',
    sort: 'Ordina',
    undo: 'Annulla',
    unselect: 'Deseleziona',
    expand: 'Espandi',
    close: 'Chiudi',
    open_menu: 'Apri il menu',
    close_menu: 'Chiudi il menu',
    update: 'Aggiorna',
    move_up: 'Sposta su',
    move_down: 'Sposta giù',
    open: 'Apri',
    toggle_theme: 'Tema chiaro/scuro',
    select_columns: 'Colonne',
    update_application: "Ricarica l'applicazione",
  },
  boolean: {
    true: 'Sì',
    false: 'No',
    null: ' ',
  },
  page: {
    create: 'Crea %{name}',
    dashboard: 'Bacheca',
    edit: '%{name} %{recordRepresentation}',
    error: 'Si è verificato un errore',
    list: '%{name}',
    loading: 'Caricamento',
    not_found: 'Pagina non trovata',
    show: '%{name} %{recordRepresentation}',
    empty: 'Nessun elemento in %{name}.',
    invite: 'Vuoi aggiungerne uno?',
    access_denied: 'Accesso negato',
    authentication_error: 'Errore di autenticazione',
  },
  input: {
    file: {
      upload_several: 'Trascina qui i file da caricare, oppure fai clic per sceglierne uno.',
      upload_single: 'Trascina qui il file da caricare, oppure fai clic per sceglierlo.',
    },
    image: {
      upload_several: 'Trascina qui le immagini da caricare, oppure fai clic per sceglierne una.',
      upload_single: "Trascina qui l'immagine da caricare, oppure fai clic per sceglierla.",
    },
    references: {
      all_missing: 'Impossibile trovare i dati collegati.',
      many_missing: 'Almeno uno degli elementi collegati non sembra più disponibile.',
      single_missing: "L'elemento collegato non sembra più disponibile.",
    },
    password: {
      toggle_visible: 'Nascondi la password',
      toggle_hidden: 'Mostra la password',
    },
  },
  message: {
    about: 'Informazioni',
    access_denied: 'Non hai i permessi necessari per accedere a questa pagina',
    are_you_sure: 'Sei sicuro?',
    authentication_error:
      'Il server di autenticazione ha restituito un errore e le credenziali non sono state verificate.',
    auth_error: 'Si è verificato un errore durante la convalida del token di autenticazione.',
    bulk_delete_content:
      'Vuoi davvero eliminare questo elemento (%{name})? |||| Vuoi davvero eliminare questi %{smart_count} elementi?',
    bulk_delete_title: 'Elimina %{name} |||| Elimina %{smart_count} %{name}',
    bulk_update_content:
      'Vuoi davvero aggiornare %{name} %{recordRepresentation}? |||| Vuoi davvero aggiornare questi %{smart_count} elementi?',
    bulk_update_title:
      'Aggiorna %{name} %{recordRepresentation} |||| Aggiorna %{smart_count} %{name}',
    clear_array_input: "Vuoi davvero svuotare l'intera lista?",
    delete_content: 'Vuoi davvero eliminare questo elemento (%{name})?',
    delete_title: 'Elimina %{name} %{recordRepresentation}',
    details: 'Dettagli',
    error: 'Si è verificato un errore e la richiesta non è stata completata.',
    invalid_form: 'Il modulo non è valido: controlla gli errori',
    loading: 'Attendere prego',
    no: 'No',
    not_found: "L'indirizzo è sbagliato oppure hai seguito un collegamento non valido.",
    select_all_limit_reached:
      'Ci sono troppi elementi per selezionarli tutti: sono stati selezionati solo i primi %{max}.',
    unsaved_changes: 'Alcune modifiche non sono state salvate. Vuoi davvero ignorarle?',
    yes: 'Sì',
    placeholder_data_warning: 'Problema di rete: aggiornamento dei dati non riuscito.',
  },
  navigation: {
    clear_filters: 'Azzera i filtri',
    no_filtered_results: 'Nessun risultato in %{name} con i filtri attuali.',
    no_results: 'Nessun risultato in %{name}',
    no_more_results: 'La pagina %{page} è fuori intervallo. Prova la pagina precedente.',
    page_out_of_boundaries: 'Pagina %{page} fuori intervallo',
    page_out_from_end: "Non ci sono pagine dopo l'ultima",
    page_out_from_begin: 'Non ci sono pagine prima della pagina 1',
    page_range_info: '%{offsetBegin}-%{offsetEnd} di %{total}',
    partial_page_range_info: '%{offsetBegin}-%{offsetEnd} di oltre %{offsetEnd}',
    current_page: 'Pagina %{page}',
    page: 'Vai alla pagina %{page}',
    first: 'Vai alla prima pagina',
    last: "Vai all'ultima pagina",
    next: 'Vai alla pagina successiva',
    previous: 'Vai alla pagina precedente',
    page_rows_per_page: 'Righe per pagina:',
    skip_nav: 'Vai al contenuto',
  },
  sort: {
    sort_by: 'Ordina per %{field_lower_first} %{order}',
    ASC: 'crescente',
    DESC: 'decrescente',
  },
  auth: {
    auth_check_error: "Effettua l'accesso per continuare",
    user_menu: 'Profilo',
    username: 'Nome utente',
    password: 'Password',
    email: 'Email',
    sign_in: 'Accedi',
    sign_in_error: 'Autenticazione non riuscita, riprova',
    logout: 'Esci',
  },
  notification: {
    updated: 'Elemento aggiornato |||| %{smart_count} elementi aggiornati',
    created: 'Elemento creato',
    deleted: 'Elemento eliminato |||| %{smart_count} elementi eliminati',
    bad_item: 'Elemento non valido',
    item_doesnt_exist: "L'elemento non esiste",
    http_error: 'Errore di comunicazione con il server',
    data_provider_error: 'Errore del dataProvider: controlla la console per i dettagli.',
    i18n_error: 'Impossibile caricare le traduzioni per la lingua scelta',
    canceled: 'Azione annullata',
    logged_out: "La sessione è terminata, effettua di nuovo l'accesso.",
    not_authorized: 'Non sei autorizzato ad accedere a questa risorsa.',
    application_update_available: 'È disponibile una nuova versione.',
    offline: 'Nessuna connessione: impossibile caricare i dati.',
  },
  validation: {
    required: 'Obbligatorio',
    minLength: 'Deve contenere almeno %{min} caratteri',
    maxLength: 'Deve contenere al massimo %{max} caratteri',
    minValue: 'Deve essere almeno %{min}',
    maxValue: 'Deve essere al massimo %{max}',
    number: 'Deve essere un numero',
    email: 'Deve essere un indirizzo email valido',
    oneOf: 'Deve essere uno tra: %{options}',
    regex: 'Deve rispettare il formato (espressione regolare): %{pattern}',
    unique: 'Deve essere unico',
  },
  saved_queries: {
    label: 'Ricerche salvate',
    query_name: 'Nome della ricerca',
    new_label: 'Salva la ricerca attuale...',
    new_dialog_title: 'Salva la ricerca attuale come',
    remove_label: 'Rimuovi la ricerca salvata',
    remove_label_with_name: 'Rimuovi la ricerca "%{name}"',
    remove_dialog_title: 'Rimuovere la ricerca salvata?',
    remove_message: "Vuoi davvero rimuovere questo elemento dall'elenco delle ricerche salvate?",
    help: 'Filtra la lista e salva questa ricerca per dopo',
  },
  guesser: {
    empty: {
      title: 'Nessun dato da mostrare',
      message: 'Controlla il data provider',
    },
  },
  configurable: {
    customize: 'Personalizza',
    configureMode: 'Configura questa pagina',
    inspector: {
      title: 'Ispettore',
      content: "Passa sopra gli elementi dell'interfaccia per configurarli",
      reset: 'Ripristina le impostazioni',
      hideAll: 'Nascondi tutto',
      showAll: 'Mostra tutto',
    },
    Datagrid: {
      title: 'Tabella',
      unlabeled: 'Colonna senza etichetta n. %{column}',
    },
    SimpleForm: {
      title: 'Modulo',
      unlabeled: 'Campo senza etichetta n. %{input}',
    },
    SimpleList: {
      title: 'Lista',
      primaryText: 'Testo principale',
      secondaryText: 'Testo secondario',
      tertiaryText: 'Testo terziario',
    },
  },
};

/** The application's own words on the login page. */
export const loginApp = {
  title: 'GenerAttivi',
  subtitle: 'Patti GenerAttivi, progetto Fare Legami',
  // A wait the server asks for (the `seconds` of an error code), in words.
  wait: {
    seconds: '%{smart_count} secondo |||| %{smart_count} secondi',
    minutes: '%{smart_count} minuto |||| %{smart_count} minuti',
  },
  /** «Password dimenticata?», the page of a mailed link, the change at first sign-in. */
  password: {
    forgot_link: 'Password dimenticata?',
    forgot_title: 'Password dimenticata',
    forgot_intro:
      'Scrivi l’indirizzo email del tuo account: ti invieremo un link per scegliere una nuova password.',
    forgot_send: 'Invia il link',
    forgot_sent:
      'Se l’indirizzo appartiene a un account attivo, a breve riceverai un’email con un link per scegliere una nuova password (valido 72 ore, una sola volta).',
    back_to_login: 'Torna all’accesso',
    set_title: 'Scegli la password',
    set_greeting: 'Buongiorno %{name}: scegli la password del tuo account %{email}.',
    checking: 'Verifica del link…',
    new_password: 'Nuova password',
    repeat_password: 'Ripeti la nuova password',
    current_password: 'Password attuale',
    mismatch: 'Le due password non coincidono',
    hint: 'Almeno 12 caratteri. Meglio una frase di più parole scollegate: le password comuni o fatte con il tuo nome o la tua email non sono accettate.',
    save: 'Salva la password',
    set_done: 'Password salvata. Ora accedi con %{email} e la nuova password.',
    sign_in: 'Accedi',
    change_title: 'Cambia la password',
    change_intro:
      'La tua password è stata impostata da un amministratore: prima di continuare scegline una che conosci solo tu.',
    change_done: 'Password cambiata.',
  },
};

/** The refusals of a login (429), with the wait in words. */
export const loginErrorCodes = ITALIAN_LOGIN_ERROR_MESSAGES;

const loginMessages = { ra, app: { ...loginApp, error_codes: loginErrorCodes } };

export default loginMessages;
