import type { PactTemplate } from '@generattivi/shared';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { lazyPage } from '../common/lazyPage';

const PactTemplateList = lazyPage(() => import('./PactTemplateList'), 'PactTemplateList');
const PactTemplateCreate = lazyPage(() => import('./PactTemplateCreate'), 'PactTemplateCreate');
const PactTemplateEdit = lazyPage(() => import('./PactTemplateEdit'), 'PactTemplateEdit');
const PactTemplateShow = lazyPage(() => import('./PactTemplateShow'), 'PactTemplateShow');

export default {
  list: PactTemplateList,
  show: PactTemplateShow,
  edit: PactTemplateEdit,
  create: PactTemplateCreate,
  icon: ContentCopyIcon,
  recordRepresentation: (template: PactTemplate) => template.title,
};
