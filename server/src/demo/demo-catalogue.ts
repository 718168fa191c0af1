import type { TerritoryCode } from '@generattivi/shared';

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
