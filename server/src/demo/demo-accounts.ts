import type { Role, TerritoryCode } from '@generattivi/shared';

export const DEMO_PASSWORD = 'demo-password';

/** The eight demo accounts of API.md. */
export const DEMO_ACCOUNTS: ReadonlyArray<{
  email: string;
  fullName: string;
  role: Role;
  territories: TerritoryCode[] | 'all';
}> = [
  {
    email: 'admin@demo.generattivi.it',
    fullName: 'Alessandra Ferrari',
    role: 'ADMIN',
    territories: 'all',
  },
  {
    email: 'manager@demo.generattivi.it',
    fullName: 'Marco Bianchi',
    role: 'MANAGER',
    territories: 'all',
  },
  {
    email: 'sociale.crema@demo.generattivi.it',
    fullName: 'Chiara Locatelli',
    role: 'SOCIAL_WORKER',
    territories: ['CREMA'],
  },
  {
    email: 'sociale.cremona@demo.generattivi.it',
    fullName: 'Paolo Ghisolfi',
    role: 'SOCIAL_WORKER',
    territories: ['CREMONA'],
  },
  {
    email: 'sociale.casalmaggiore@demo.generattivi.it',
    fullName: 'Elena Rossini',
    role: 'SOCIAL_WORKER',
    territories: ['CASALMAGGIORE'],
  },
  {
    email: 'maker.crema@demo.generattivi.it',
    fullName: 'Luca Bertolotti',
    role: 'COMMUNITY_MAKER',
    territories: ['CREMA'],
  },
  {
    email: 'maker.cremona@demo.generattivi.it',
    fullName: 'Giulia Manfredini',
    role: 'COMMUNITY_MAKER',
    territories: ['CREMONA'],
  },
  {
    email: 'maker.casalmaggiore@demo.generattivi.it',
    fullName: 'Davide Zanoni',
    role: 'COMMUNITY_MAKER',
    territories: ['CASALMAGGIORE'],
  },
];
