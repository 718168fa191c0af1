import {
  fillFromTemplate,
  italianDate,
  isIsoDate,
  templateMilestonesFrom,
  type PactTemplate,
} from '@generattivi/shared';
import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { SelectInput, useGetList, useTranslate } from 'react-admin';

const TEXTS = ['title', 'objectives', 'citizenCommitments', 'communityCommitments'] as const;

/**
 * "Da modello": the templates of the pact's type and territory (or of every territory). The
 * chosen one fills what the form leaves empty (as the server does with `templateId`) and
 * shows the milestones that will be created, dated from the start date once it is given.
 */
export const TemplatePicker = () => {
  const translate = useTranslate();
  const { getValues, setValue } = useFormContext();
  const type = useWatch({ name: 'type' }) as string | undefined;
  const territoryId = useWatch({ name: 'territoryId' }) as number | undefined;
  const startDate = useWatch({ name: 'startDate' }) as string | undefined;
  const templateId = useWatch({ name: 'templateId' }) as number | null | undefined;
  const { data = [] } = useGetList<PactTemplate>(
    'pact-templates',
    {
      filter: { type },
      sort: { field: 'title', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: !!type },
  );
  const choices = data.filter((t) => t.territoryId === null || t.territoryId === territoryId);
  const chosen = choices.find((t) => t.id === templateId);
  const start = isIsoDate(startDate) ? startDate : undefined;

  // A template of another type or territory no longer applies.
  useEffect(() => {
    if (templateId != null && data.length > 0 && !chosen) setValue('templateId', null);
  }, [templateId, data.length, chosen, setValue]);

  useEffect(() => {
    if (!chosen) return;
    const values = getValues() as Record<string, string | null | undefined>;
    const filled = fillFromTemplate(chosen, values, start ?? '2000-01-01');
    for (const field of TEXTS)
      if (!values[field]?.trim()) setValue(field, filled[field], { shouldDirty: true });
    if (start && !values.plannedEndDate)
      setValue('plannedEndDate', filled.plannedEndDate, { shouldDirty: true });
  }, [chosen, start, getValues, setValue]);

  if (!type || data.length === 0) return null;
  const milestones = chosen
    ? start
      ? templateMilestonesFrom(chosen.milestones, start).map((m) => ({
          title: m.title,
          when: italianDate(m.dueDate),
        }))
      : chosen.milestones.map((m) => ({
          title: m.title,
          when: translate('app.pact_templates.day', { days: m.days }),
        }))
    : [];
  return (
    <>
      <SelectInput
        source="templateId"
        label="app.pact_templates.from_template"
        choices={choices}
        optionText="title"
        emptyText="app.pact_templates.no_template"
      />
      {chosen ? (
        <>
          <Typography variant="subtitle2" component="h3">
            {translate('app.pact_templates.will_create', { smart_count: milestones.length })}
          </Typography>
          {start ? null : (
            <Typography variant="body2" color="text.secondary">
              {translate('app.pact_templates.needs_start')}
            </Typography>
          )}
          <List dense disablePadding aria-label={translate('app.pact_templates.preview')}>
            {milestones.map((m, i) => (
              <ListItem key={i} disableGutters>
                <ListItemText primary={`${m.when} — ${m.title}`} />
              </ListItem>
            ))}
          </List>
        </>
      ) : null}
    </>
  );
};
