import type { Beneficiary } from '@generattivi/shared';
import PersonIcon from '@mui/icons-material/Person';
import { BeneficiaryCreate } from './BeneficiaryCreate';
import { BeneficiaryEdit } from './BeneficiaryEdit';
import { BeneficiaryList } from './BeneficiaryList';
import { BeneficiaryShow } from './BeneficiaryShow';

export default {
  list: BeneficiaryList,
  show: BeneficiaryShow,
  edit: BeneficiaryEdit,
  create: BeneficiaryCreate,
  icon: PersonIcon,
  recordRepresentation: (person: Beneficiary) => `${person.lastName} ${person.firstName}`,
};
