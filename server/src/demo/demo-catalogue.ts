import type { PactType, TerritoryCode } from '@generattivi/shared';

/** Names and places for the demo data set (Italian, plausible for the three districts). */

export const FIRST_NAMES_F = [
  'Giulia',
  'Francesca',
  'Sara',
  'Martina',
  'Chiara',
  'Valentina',
  'Elisa',
  'Silvia',
  'Federica',
  'Alessia',
  'Ilaria',
  'Roberta',
  'Anna',
  'Laura',
  'Paola',
  'Fatima',
  'Ioana',
  'Amina',
  'Marta',
  'Beatrice',
];
export const FIRST_NAMES_M = [
  'Marco',
  'Luca',
  'Andrea',
  'Matteo',
  'Davide',
  'Simone',
  'Alessandro',
  'Stefano',
  'Nicola',
  'Fabio',
  'Paolo',
  'Giorgio',
  'Riccardo',
  'Youssef',
  'Mihai',
  'Omar',
  'Daniele',
  'Emanuele',
  'Filippo',
  'Tommaso',
];
export const LAST_NAMES = [
  'Rossi',
  'Ferrari',
  'Bianchi',
  'Lombardi',
  'Galli',
  'Bertolotti',
  'Fontana',
  'Maffezzoni',
  'Ghidetti',
  'Pagliari',
  'Zanacchi',
  'Bonfanti',
  'Stanga',
  'Rizzi',
  'Bassi',
  'Superti',
  'Cattaneo',
  'Moretti',
  'Barbieri',
  'Testa',
  'Benzoni',
  'Manfredi',
  'Guarneri',
  'Ardigò',
  'Tosi',
  'Bellani',
  'El Amrani',
  'Popescu',
  'Diallo',
  'Marchesi',
];

/** Belfiore codes of birth places (municipalities and foreign countries). */
export const BIRTH_PLACES = [
  'D142',
  'D150',
  'B898',
  'F205',
  'E648',
  'B157',
  'G535',
  'Z330',
  'Z129',
  'Z343',
];

export const STREETS = [
  'via Roma',
  'via Mazzini',
  'via Garibaldi',
  'via Cavour',
  'viale Po',
  'via Dante',
  'via XX Settembre',
  'piazza Marconi',
];

export const CIVIC_CENTERS: ReadonlyArray<{
  territory: TerritoryCode;
  name: string;
  municipality: string;
  children: number;
  adults: number;
  description: string;
}> = [
  {
    territory: 'CREMA',
    name: 'Civic Center Crema Nuova',
    municipality: 'Crema',
    children: 250,
    adults: 100,
    description:
      'Doposcuola, laboratori espressivi e sportello di ascolto per le famiglie del quartiere.',
  },
  {
    territory: 'CREMONA',
    name: 'Civic Center Cambonino',
    municipality: 'Cremona',
    children: 230,
    adults: 90,
    description:
      'Attività pomeridiane per ragazzi, corsi di italiano per adulti, incontri di quartiere.',
  },
  {
    territory: 'CREMONA',
    name: 'Civic Center Zaist',
    municipality: 'Cremona',
    children: 214,
    adults: 86,
    description: 'Spazio compiti, biblioteca di comunità e gruppi di mutuo aiuto.',
  },
  {
    territory: 'CASALMAGGIORE',
    name: 'Civic Center Casalmaggiore',
    municipality: 'Casalmaggiore',
    children: 170,
    adults: 70,
    description: 'Centro estivo, teatro sociale e punto di raccolta dei bisogni della comunità.',
  },
];

export const COMMUNITY_LABS: ReadonlyArray<{
  territory: TerritoryCode;
  name: string;
  municipality: string;
  description: string;
}> = [
  {
    territory: 'CREMA',
    name: 'Orti condivisi di Santa Maria',
    municipality: 'Crema',
    description: 'Coltivazione collettiva e distribuzione solidale dei prodotti.',
  },
  {
    territory: 'CREMA',
    name: 'Ciclofficina di comunità',
    municipality: 'Crema',
    description: 'Riparazione di biciclette con giovani in cerca di lavoro.',
  },
  {
    territory: 'CREMA',
    name: 'Laboratorio digitale',
    municipality: 'Offanengo',
    description: 'Competenze digitali di base, curriculum, candidature online.',
  },
  {
    territory: 'CREMA',
    name: 'Cucina di quartiere',
    municipality: 'Castelleone',
    description: 'Pasti condivisi e formazione in cucina.',
  },
  {
    territory: 'CREMA',
    name: 'Bottega del riuso',
    municipality: 'Pandino',
    description: 'Raccolta, riparazione e scambio di oggetti usati.',
  },
  {
    territory: 'CREMONA',
    name: 'Sartoria sociale',
    municipality: 'Cremona',
    description: 'Cucito e riparazioni, percorsi di autonomia per donne.',
  },
  {
    territory: 'CREMONA',
    name: 'Compiti insieme',
    municipality: 'Cremona',
    description: 'Aiuto allo studio con volontari e famiglie.',
  },
  {
    territory: 'CREMONA',
    name: 'Repair café',
    municipality: 'Cremona',
    description: 'Serate di riparazione di piccoli elettrodomestici.',
  },
  {
    territory: 'CREMONA',
    name: 'Emporio solidale',
    municipality: 'Castelverde',
    description: 'Spesa accompagnata e educazione al consumo.',
  },
  {
    territory: 'CREMONA',
    name: 'Laboratorio lavoro e orientamento',
    municipality: 'Soresina',
    description: 'Bilancio di competenze, tirocini e contatti con le imprese.',
  },
  {
    territory: 'CREMONA',
    name: 'Scuola di italiano per donne',
    municipality: 'Pizzighettone',
    description: 'Lingua italiana e cittadinanza, con spazio bimbi.',
  },
  {
    territory: 'CASALMAGGIORE',
    name: 'Falegnameria sociale',
    municipality: 'Casalmaggiore',
    description: 'Piccola falegnameria con giovani e pensionati.',
  },
  {
    territory: 'CASALMAGGIORE',
    name: 'Teatro di comunità',
    municipality: 'Piadena Drizzona',
    description: 'Teatro come strumento di relazione e fiducia.',
  },
  {
    territory: 'CASALMAGGIORE',
    name: 'Giardino dei nonni',
    municipality: 'Gussola',
    description: 'Cura del verde e incontro tra generazioni.',
  },
];

/** The community makers who run the labs beyond the three demo accounts (one per lab). */
export const EXTRA_MAKERS: ReadonlyArray<{
  email: string;
  fullName: string;
  territory: TerritoryCode;
}> = [
  { email: 'f.galli@demo.generattivi.it', fullName: 'Federica Galli', territory: 'CREMA' },
  { email: 'a.stanga@demo.generattivi.it', fullName: 'Andrea Stanga', territory: 'CREMA' },
  { email: 's.bonfanti@demo.generattivi.it', fullName: 'Sara Bonfanti', territory: 'CREMA' },
  { email: 'm.ghidetti@demo.generattivi.it', fullName: 'Matteo Ghidetti', territory: 'CREMA' },
  { email: 'e.pagliari@demo.generattivi.it', fullName: 'Elisa Pagliari', territory: 'CREMONA' },
  { email: 'r.zanacchi@demo.generattivi.it', fullName: 'Riccardo Zanacchi', territory: 'CREMONA' },
  { email: 'i.superti@demo.generattivi.it', fullName: 'Ilaria Superti', territory: 'CREMONA' },
  { email: 'n.benzoni@demo.generattivi.it', fullName: 'Nicola Benzoni', territory: 'CREMONA' },
  { email: 'v.guarneri@demo.generattivi.it', fullName: 'Valentina Guarneri', territory: 'CREMONA' },
  { email: 't.ardigo@demo.generattivi.it', fullName: 'Tommaso Ardigò', territory: 'CASALMAGGIORE' },
  { email: 'b.tosi@demo.generattivi.it', fullName: 'Beatrice Tosi', territory: 'CASALMAGGIORE' },
];

export const AUTONOMY_TITLES = [
  'Percorso verso il lavoro nella logistica',
  'Tirocinio in ristorazione e patente',
  'Corso da operatore socio-sanitario',
  'Ritorno allo studio: diploma serale',
  'Orientamento e candidature nel commercio',
  'Tirocinio in falegnameria',
  'Competenze digitali e lavoro d’ufficio',
  'Inserimento nel verde pubblico',
];
export const INCLUSION_TITLES = [
  'Stabilità abitativa e gestione del bilancio familiare',
  'Sostegno scolastico dei figli e rete di vicinato',
  'Uscita dall’isolamento e accesso ai servizi',
  'Accompagnamento alla salute e alla cura',
  'Autonomia economica e piccoli lavori di comunità',
];
export const MILESTONE_TITLES = [
  'Primo colloquio di conoscenza',
  'Bilancio di competenze',
  'Iscrizione al Centro per l’impiego',
  'Avvio del tirocinio',
  'Verifica intermedia con l’assistente sociale',
  'Partecipazione al laboratorio di comunità',
  'Consegna dei documenti ISEE aggiornati',
  'Colloquio di lavoro',
  'Verifica finale',
];
export const NOTE_BODIES = [
  'Incontro al laboratorio: partecipa con interesse e ha proposto un’attività per il gruppo.',
  'Telefonata di aggiornamento: il colloquio è andato bene, attende risposta.',
  'Visita a domicilio con l’assistente sociale: situazione stabile, bollette in regola.',
  'Ha consegnato il curriculum aggiornato; fissato un nuovo appuntamento.',
  'Assente all’incontro di gruppo, richiamato: motivi di salute del figlio.',
  'Concordati i prossimi passi con la famiglia; la rete di vicinato è attiva.',
];

/** Pact templates: the paths the social workers open most often; `territory` null: every one. */
export const PACT_TEMPLATES: ReadonlyArray<{
  type: PactType;
  territory: TerritoryCode | null;
  title: string;
  objectives: string;
  citizenCommitments: string;
  communityCommitments: string;
  durationDays: number;
  milestones: ReadonlyArray<{ title: string; description: string; days: number }>;
}> = [
  {
    type: 'AUTONOMY',
    territory: null,
    title: 'Tirocinio di inclusione — 6 mesi',
    objectives:
      'Acquisire competenze professionali in un contesto di lavoro reale e costruire un curriculum spendibile sul territorio.',
    citizenCommitments:
      'Frequentare il tirocinio con regolarità, rispettare orari e regole dell’azienda, partecipare ai colloqui di verifica.',
    communityCommitments:
      'Il community maker individua l’azienda ospitante, accompagna l’avvio e mantiene i contatti con il tutor aziendale.',
    durationDays: 180,
    milestones: [
      { title: 'Bilancio di competenze', description: 'Colloquio con l’orientatore.', days: 0 },
      { title: 'Avvio del tirocinio', description: 'Firma del progetto formativo.', days: 21 },
      { title: 'Verifica intermedia con l’assistente sociale', description: '', days: 90 },
      { title: 'Verifica finale', description: 'Valutazione con il tutor aziendale.', days: 180 },
    ],
  },
  {
    type: 'AUTONOMY',
    territory: null,
    title: 'Ritorno allo studio — anno scolastico',
    objectives:
      'Conseguire il diploma o la qualifica frequentando un corso serale o professionale.',
    citizenCommitments:
      'Frequentare le lezioni, sostenere le verifiche, aggiornare il community maker.',
    communityCommitments:
      'Sostegno allo studio nel laboratorio di comunità e contatti con la scuola.',
    durationDays: 300,
    milestones: [
      { title: 'Iscrizione al corso', description: '', days: 14 },
      { title: 'Colloquio con i docenti', description: 'Primo quadrimestre.', days: 120 },
      { title: 'Esame finale', description: '', days: 300 },
    ],
  },
  {
    type: 'AUTONOMY',
    territory: 'CREMA',
    title: 'Patente e lavoro nella logistica — Crema',
    objectives: 'Conseguire la patente B e un contratto nella logistica del polo cremasco.',
    citizenCommitments: 'Frequentare la scuola guida e presentarsi ai colloqui proposti.',
    communityCommitments:
      'Contatti con le imprese della logistica e sostegno alle spese della patente.',
    durationDays: 240,
    milestones: [
      { title: 'Iscrizione al Centro per l’impiego', description: '', days: 7 },
      { title: 'Esame di teoria', description: '', days: 60 },
      { title: 'Esame di guida', description: '', days: 120 },
      { title: 'Colloquio di lavoro', description: '', days: 180 },
    ],
  },
  {
    type: 'INCLUSION',
    territory: null,
    title: 'Percorso di autonomia abitativa',
    objectives:
      'Stabilizzare la situazione abitativa del nucleo: contratto regolare, utenze in regola, bilancio familiare sostenibile.',
    citizenCommitments:
      'Pagare con regolarità affitto e utenze, partecipare agli incontri sul bilancio familiare.',
    communityCommitments:
      'Accompagnamento alla ricerca della casa, mediazione con i proprietari, rete di vicinato.',
    durationDays: 365,
    milestones: [
      { title: 'Primo colloquio di conoscenza', description: 'Con tutto il nucleo.', days: 0 },
      { title: 'Consegna dei documenti ISEE aggiornati', description: '', days: 30 },
      { title: 'Piano del bilancio familiare', description: '', days: 60 },
      { title: 'Verifica intermedia con l’assistente sociale', description: '', days: 180 },
      { title: 'Verifica finale', description: '', days: 365 },
    ],
  },
  {
    type: 'INCLUSION',
    territory: null,
    title: 'Uscita dall’isolamento — 4 mesi',
    objectives: 'Ricostruire relazioni e l’accesso ai servizi del territorio.',
    citizenCommitments:
      'Partecipare alle attività del laboratorio di comunità almeno una volta a settimana.',
    communityCommitments:
      'Il community maker accompagna ai servizi e coinvolge il nucleo nelle attività.',
    durationDays: 120,
    milestones: [
      { title: 'Partecipazione al laboratorio di comunità', description: '', days: 14 },
      {
        title: 'Accesso ai servizi sanitari',
        description: 'Medico di base e consultorio.',
        days: 60,
      },
      { title: 'Verifica finale', description: '', days: 120 },
    ],
  },
  {
    type: 'INCLUSION',
    territory: 'CASALMAGGIORE',
    title: 'Sostegno scolastico dei figli — Casalmaggiore',
    objectives: 'Accompagnare i figli nel percorso scolastico e rafforzare la rete di vicinato.',
    citizenCommitments: 'Seguire i colloqui con la scuola e partecipare al doposcuola.',
    communityCommitments: 'Doposcuola nel laboratorio di comunità e contatti con gli insegnanti.',
    durationDays: 270,
    milestones: [
      { title: 'Colloquio con gli insegnanti', description: '', days: 30 },
      { title: 'Avvio del doposcuola', description: '', days: 45 },
      { title: 'Pagella del primo quadrimestre', description: '', days: 150 },
    ],
  },
];
