import { todayIso, type Milestone } from '@generattivi/shared';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { TextField, Typography, type ButtonProps } from '@mui/material';
import { useDataProvider, useTranslate } from 'react-admin';
import { DialogButton, FormDialog, inlineButtonSx } from '../common/FormDialog';
import { useFormDialog } from '../common/useFormDialog';
import { EvidencePhotoInput, useEvidencePhoto } from './EvidencePhotoInput';

/**
 * "Segna raggiunta": one click opens the dialog (date, today by default; evidence, a photo),
 * one click saves it (`PUT /api/milestones/:id` with status ACHIEVED), then attaches the photo.
 */
export const AchieveMilestoneButton = ({
  milestone,
  size = 'large',
  variant = 'contained',
}: {
  milestone: Milestone;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const today = todayIso();
  const dialog = useFormDialog({ achievedAt: today, evidence: '' });
  const { achievedAt, evidence } = dialog.values;
  const photo = useEvidencePhoto(milestone);

  const submit = async () => {
    if (!dialog.required({ achievedAt })) return;
    await dialog.send(
      () =>
        dataProvider
          .update('milestones', {
            id: milestone.id,
            data: {
              ...milestone,
              status: 'ACHIEVED',
              achievedAt,
              evidence: evidence.trim() || null,
            },
            previousData: milestone,
          })
          // The photo follows the saved achievement; failing, it leaves the achievement saved.
          .then(photo.attach),
      'app.milestones.achieved_done',
      { title: milestone.title },
    );
  };

  return (
    <>
      <DialogButton
        dialog={dialog}
        onClick={() => dialog.set('achievedAt', todayIso())}
        variant={variant}
        size={size}
        color="success"
        startIcon={<TaskAltIcon />}
        aria-label={translate('app.milestones.achieve_named', { title: milestone.title })}
        sx={inlineButtonSx}
      >
        {translate('app.milestones.achieve')}
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
