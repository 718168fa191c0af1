import type { Pact, Role } from '@generattivi/shared';
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import {
  EditButton,
  ReferenceField,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { AssignButton } from './AssignButton';
import { canEditPact } from './pactPermissions';
import { PactProgress } from './PactProgress';
import { PrintPactButton } from './PrintPactButton';
import { StatusChip } from './StatusChip';
import { TransitionButtons } from './TransitionButtons';

const Labelled = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Box sx={{ minWidth: 180 }}>
    <Typography variant="caption" component="div" color="text.secondary">
      {label}
    </Typography>
    <Typography component="div">{children}</Typography>
  </Box>
);

/**
 * The top of the pact page: reference, type, status, progress, who it is for and who
 * follows it, and the actions the caller may take now.
 */
export const PactHeader = () => {
  const pact = useRecordContext<Pact>();
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role | undefined>();
  if (!pact) return null;
  const field = (name: string) => translate(`resources.pacts.fields.${name}`);
  return (
    <Card component="section" aria-labelledby="pact-reference">
      <CardContent>
        <Stack
          direction="row"
          spacing={2}
          useFlexGap
          sx={{ alignItems: 'center', flexWrap: 'wrap' }}
        >
          <Typography id="pact-reference" variant="h5" component="h1" sx={{ fontWeight: 700 }}>
            {pact.reference}
          </Typography>
          <StatusChip status={pact.status} size="medium" />
          <Typography color="text.secondary">{translate(`enums.pactType.${pact.type}`)}</Typography>
        </Stack>
        <Typography variant="h6" component="p" sx={{ mt: 1 }}>
          {pact.title}
        </Typography>
        <Box sx={{ my: 2, maxWidth: 480 }}>
          <PactProgress value={pact.progress} />
        </Box>
        <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
          {pact.type === 'AUTONOMY' || pact.beneficiaryId ? (
            <Labelled label={field('beneficiaryId')}>
              <ReferenceField source="beneficiaryId" reference="beneficiaries" emptyText="—" />
            </Labelled>
          ) : null}
          {pact.type === 'INCLUSION' ? (
            <Labelled label={field('householdId')}>
              <ReferenceField source="householdId" reference="households" emptyText="—" />
            </Labelled>
          ) : null}
          <Labelled label={field('territoryId')}>
            <ReferenceField source="territoryId" reference="territories" link={false} />
          </Labelled>
          <Labelled label={field('communityMakerId')}>
            <ReferenceField
              source="communityMakerId"
              reference="users"
              link={false}
              emptyText={translate('app.pacts.no_maker')}
            />
          </Labelled>
        </Stack>
        <Stack
          direction="row"
          spacing={1}
          useFlexGap
          sx={{ flexWrap: 'wrap' }}
          role="group"
          aria-label={translate('app.pacts.actions')}
        >
          <TransitionButtons pact={pact} />
          <AssignButton pact={pact} />
          {canEditPact(role, pact.status) ? <EditButton variant="outlined" /> : null}
          <PrintPactButton pact={pact} />
        </Stack>
      </CardContent>
    </Card>
  );
};
