import type { Pact } from '@generattivi/shared';
import { Box, List, ListItem, Stack, Typography } from '@mui/material';
import { RecordContextProvider, ReferenceField, useTranslate } from 'react-admin';
import { formatInstant } from '../common/format';
import { PactProgress } from '../pacts/PactProgress';
import { TransitionButtons } from '../pacts/TransitionButtons';
import { ListCard } from './HomeCard';
import { PactLink } from './PactLink';

/** Pacts sent for approval (SUBMITTED), oldest first, with Approve and Send back right there. */
export const AwaitingApprovalWidget = () => {
  const translate = useTranslate();
  return (
    <ListCard<Pact>
      resource="pacts"
      params={{
        filter: { status: 'SUBMITTED' },
        sort: { field: 'submittedAt', order: 'ASC' },
        pagination: { page: 1, perPage: 20 },
      }}
      title={translate('app.dashboard.awaiting_title')}
      empty={translate('app.dashboard.awaiting_none')}
    >
      {(pacts) => (
        <List disablePadding>
          {pacts.map((pact) => (
            <RecordContextProvider key={pact.id} value={pact}>
              <ListItem
                disableGutters
                divider
                sx={{ display: 'block', py: 1.5 }}
                data-pact={pact.reference}
              >
                <Stack
                  direction={{ xs: 'column', md: 'row' }}
                  spacing={2}
                  useFlexGap
                  sx={{ alignItems: { md: 'center' } }}
                >
                  <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                    <Typography>
                      <PactLink id={pact.id} reference={pact.reference} /> — {pact.title}
                    </Typography>
                    <Typography variant="body2" color="text.secondary" component="div">
                      {pact.type === 'AUTONOMY' ? (
                        <ReferenceField
                          source="beneficiaryId"
                          reference="beneficiaries"
                          link={false}
                        />
                      ) : (
                        <ReferenceField source="householdId" reference="households" link={false} />
                      )}
                      {' · '}
                      {translate('app.dashboard.submitted_at', {
                        date: formatInstant(pact.submittedAt),
                      })}
                    </Typography>
                    <Box sx={{ maxWidth: 280, mt: 0.5 }}>
                      <PactProgress value={pact.progress} dense />
                    </Box>
                  </Box>
                  <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                    <TransitionButtons pact={pact} only={['APPROVE', 'SEND_BACK']} size="large" />
                  </Stack>
                </Stack>
              </ListItem>
            </RecordContextProvider>
          ))}
        </List>
      )}
    </ListCard>
  );
};
