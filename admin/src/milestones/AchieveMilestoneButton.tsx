import { todayIso, type Milestone } from '@generattivi/shared';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { TextField, Typography, type ButtonProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import { DialogButton, FormDialog, inlineButtonSx } from '../common/FormDialog';
import { useFormDialog } from '../common/useFormDialog';
import { submitAchievement } from '../offline/client';
import { PendingChip, usePendingAchievement } from '../offline/pending';
import { EvidencePhotoInput, useEvidencePhoto } from './EvidencePhotoInput';

/**
 * "Segna raggiunta": one click opens the dialog (date, today by default; evidence, a photo),
 * one click saves it (`PUT /api/milestones/:id` with status ACHIEVED, through the outbox:
 * offline it waits on the device, and the milestone shows as achieved, pending), then
 * attaches the photo. `initial` prefills the dialog (marking again after a conflict);
 * `onSent` hears it saved.
 */
export const AchieveMilestoneButton = ({
  milestone,
  size = 'large',
  variant = 'contained',
  label = 'app.milestones.achieve',
  namedLabel = 'app.milestones.achieve_named',
  initial,
  onSent,
}: {
  milestone: Milestone;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
  label?: string;
  namedLabel?: string;
  initial?: { achievedAt: string; evidence: string };
  onSent?: () => void;
}) => {
  const translate = useTranslate();
  const today = todayIso();
  const dialog = useFormDialog(initial ?? { achievedAt: today, evidence: '' });
  const pending = usePendingAchievement(milestone.id);
  const { achievedAt, evidence } = dialog.values;
  const photo = useEvidencePhoto(milestone);

  const submit = async () => {
    if (!dialog.required({ achievedAt })) return;
    const sent = await dialog.send(
      async () => {
        const result = await submitAchievement(milestone, {
          achievedAt,
          evidence: evidence.trim() || null,
        });
        // The photo follows the achievement; failing (offline too), it leaves the achievement
        // saved or pending, and a notice keeps the photo with "Riprova".
        await photo.attach();
        return result;
      },
      (result) => (result === 'queued' ? 'app.offline.queued' : 'app.milestones.achieved_done'),
      { title: milestone.title },
    );
    if (sent) onSent?.();
  };

  if (pending) return <PendingChip label="app.offline.achieved_pending" />;

  return (
    <>
      <DialogButton
        dialog={dialog}
        onClick={() => (initial ? undefined : dialog.set('achievedAt', todayIso()))}
        variant={variant}
        size={size}
        color="success"
        startIcon={<TaskAltIcon />}
        aria-label={translate(namedLabel, { title: milestone.title })}
        sx={inlineButtonSx}
      >
        {translate(label)}
      </DialogButton>
      <FormDialog
        dialog={dialog}
        title={translate('app.milestones.achieve_title')}
        onSubmit={submit}
        submitLabel={translate('app.milestones.achieve_confirm')}
      >
        <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600 }}>
          {milestone.title}
        </Typography>
        <TextField
          type="date"
          label={translate('resources.milestones.fields.achievedAt')}
          {...dialog.field('achievedAt')}
          required
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
        />
        <TextField
          label={translate('resources.milestones.fields.evidence')}
          {...dialog.field('evidence', translate('app.milestones.evidence_help'))}
          multiline
          minRows={3}
        />
        <EvidencePhotoInput photo={photo} />
      </FormDialog>
    </>
  );
};
