import ScheduleSendIcon from '@mui/icons-material/ScheduleSend';
import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useOfflineView } from './client';
import type { OutboxEntry } from './store';

/** "In attesa di invio", beside what waits on the device. */
export const PendingChip = ({ label = 'app.offline.pending' }: { label?: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color="warning"
      icon={<ScheduleSendIcon />}
      label={translate(label)}
      data-pending
    />
  );
};

/** The pending entry marking `milestoneId` achieved, if one waits on the device. */
export function usePendingAchievement(milestoneId: number): OutboxEntry | undefined {
  const { entries } = useOfflineView();
  return entries.find(
    (e) => e.kind === 'achievement' && e.milestoneId === milestoneId && e.state === 'pending',
  );
}
