import type { PactTemplate } from '@generattivi/shared';
import { List, ListItem, ListItemText } from '@mui/material';
import {
  Labeled,
  NumberField,
  ReferenceField,
  SelectField,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ShowPage } from '../common/ShowPage';
import { pactTypeChoices } from '../pacts/pactChoices';

/** The milestones as a pact gets them: "Giorno 14 dall’avvio — Avvio del tirocinio". */
const TemplateMilestones = () => {
  const template = useRecordContext<PactTemplate>();
  const translate = useTranslate();
  if (!template) return null;
  return (
    <Labeled label="resources.pact-templates.fields.milestones">
      <List dense disablePadding>
        {template.milestones.map((m, i) => (
          <ListItem key={i} disableGutters>
            <ListItemText
              primary={`${translate('app.pact_templates.day', { days: m.days })} — ${m.title}`}
              secondary={m.description || null}
            />
          </ListItem>
        ))}
      </List>
    </Labeled>
  );
};

export const PactTemplateShow = () => {
  const translate = useTranslate();
  return (
    <ShowPage>
      <TextField source="title" />
      <SelectField source="type" choices={pactTypeChoices} />
      <ReferenceField
        source="territoryId"
        reference="territories"
        emptyText={translate('app.pact_templates.every_territory')}
      />
      <TextField source="objectives" />
      <TextField source="citizenCommitments" />
      <TextField source="communityCommitments" />
      <NumberField source="durationDays" />
      <TemplateMilestones />
    </ShowPage>
  );
};
