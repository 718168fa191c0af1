import { MAIL_STATUSES, type MailOutboxRecord } from '@generattivi/shared';
import ReplayIcon from '@mui/icons-material/Replay';
import { Box, Button, Link } from '@mui/material';
import { Fragment } from 'react';
import {
  FunctionField,
  NumberField,
  SelectField,
  TextField,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../common/choices';
import type { AppDataProvider } from '../providers/dataProvider';
import { InstantField } from '../common/fields';
import { ShowPage } from '../common/ShowPage';
import { MailKindField } from './MailKindField';

const statusChoices = enumChoices(MAIL_STATUSES, 'mailStatus');
const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** The plain text of a message, its paragraphs kept and its links clickable. */
export const MailText = ({ text }: { text: string }) => (
  <Box
    component="div"
    sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit', m: 0 }}
  >
    {text.split(URL_PATTERN).map((part, i) =>
      i % 2 === 1 ? (
        <Link key={i} href={part}>
          {part}
        </Link>
      ) : (
        <Fragment key={i}>{part}</Fragment>
      ),
    )}
  </Box>
);

/** «Invia di nuovo» for a message that ran out of attempts. */
const RetryButton = () => {
  const message = useRecordContext<MailOutboxRecord>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  if (message?.status !== 'failed') return null;
  const retry = async () => {
    try {
      await dataProvider.retryMail(message.id);
      notify('app.mail.retried', { type: 'info' });
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <Button startIcon={<ReplayIcon />} onClick={() => void retry()} sx={{ alignSelf: 'start' }}>
      {translate('app.mail.retry')}
    </Button>
  );
};

export const MailOutboxShow = () => (
  <ShowPage>
    <InstantField source="createdAt" />
    <TextField source="to" />
    <TextField source="subject" />
    <MailKindField source="kind" />
    <SelectField source="status" choices={statusChoices} />
    <RetryButton />
    <NumberField source="attempts" />
    <InstantField source="sentAt" emptyText="—" />
    <TextField source="lastError" emptyText="—" />
    <FunctionField<MailOutboxRecord>
      source="text"
      render={(m) => (m.text ? <MailText text={m.text} /> : '—')}
    />
  </ShowPage>
);
