import type { Beneficiary } from '@generattivi/shared';
import PersonIcon from '@mui/icons-material/Person';
import { lazyPage } from '../common/lazyPage';

const BeneficiaryList = lazyPage(() => import('./BeneficiaryList'), 'BeneficiaryList');
const BeneficiaryCreate = lazyPage(() => import('./BeneficiaryCreate'), 'BeneficiaryCreate');
const BeneficiaryEdit = lazyPage(() => import('./BeneficiaryEdit'), 'BeneficiaryEdit');
const BeneficiaryShow = lazyPage(() => import('./BeneficiaryShow'), 'BeneficiaryShow');

export default {
  list: BeneficiaryList,
  show: BeneficiaryShow,
  edit: BeneficiaryEdit,
  create: BeneficiaryCreate,
  icon: PersonIcon,
  /** An anonymised person reads «Persona anonimizzata 7F3K2A». */
  recordRepresentation: (person: Beneficiary) =>
    person.anonymisedAt
      ? `${person.firstName} ${person.lastName}`
      : `${person.lastName} ${person.firstName}`,
};
