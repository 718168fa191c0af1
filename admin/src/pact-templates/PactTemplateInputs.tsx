import {
  PACT_TEMPLATE_LIMITS as LIMITS,
  templateMilestoneProblems,
  type PactTemplate,
} from '@generattivi/shared';
import {
  ArrayInput,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  useTranslate,
} from 'react-admin';
import { pactTypeChoices } from '../pacts/pactChoices';

/** A milestone's days fall within the template's duration (shared's rule). */
const withinDuration = (value: unknown, values: Partial<PactTemplate>) =>
  typeof value === 'number' &&
  typeof values.durationDays === 'number' &&
  templateMilestoneProblems(values.durationDays, [{ days: value }]).length > 0
    ? { message: 'app.pact_templates.after_duration', args: { days: values.durationDays } }
    : undefined;

/**
 * What create and edit share: type, territory (empty: every territory, for the administrator),
 * the texts a pact takes from it, the duration, and the milestones as days from the start.
 */
export const PactTemplateInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <RadioButtonGroupInput source="type" choices={pactTypeChoices} validate={required()} />
      <ReferenceInput source="territoryId" reference="territories">
        <SelectInput emptyText={translate('app.pact_templates.every_territory')} />
      </ReferenceInput>
      <TextInput source="title" validate={[required(), maxLength(LIMITS.titleMaxLength)]} />
      <TextInput source="objectives" multiline minRows={2} />
      <TextInput source="citizenCommitments" multiline minRows={2} />
      <TextInput source="communityCommitments" multiline minRows={2} />
      <NumberInput
        source="durationDays"
        min={1}
        max={LIMITS.maxDurationDays}
        validate={[required(), minValue(1), maxValue(LIMITS.maxDurationDays)]}
      />
      <ArrayInput source="milestones">
        <SimpleFormIterator inline disableReordering>
          <TextInput
            source="title"
            label="app.pact_templates.milestone_title"
            validate={[required(), maxLength(LIMITS.milestoneTitleMaxLength)]}
          />
          <TextInput
            source="description"
            label="app.pact_templates.milestone_description"
            validate={maxLength(LIMITS.milestoneDescriptionMaxLength)}
          />
          <NumberInput
            source="days"
            label="app.pact_templates.milestone_days"
            min={0}
            validate={[required(), minValue(0), withinDuration]}
          />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
};
