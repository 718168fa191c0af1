import { todayIso, type Milestone } from '@generattivi/shared';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Button, TextField, Typography, type ButtonProps } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { FormDialog } from '../common/FormDialog';
import { useDialogMutation } from '../common/useDialogMutation';

/**
 * "Segna raggiunta": one click opens the dialog (date, today by default; evidence), one
 * click saves it (`PUT /api/milestones/:id` with status ACHIEVED).
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
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider();
  const [open, setOpen] = useState(false);
  const today = todayIso();
  const [achievedAt, setAchievedAt] = useState(today);
  const [evidence, setEvidence] = useState('');
  const { sending, errors, setErrors, refusal, run, reset } = useDialogMutation();

  const close = () => {
    reset();
    setOpen(false);
  };

  const submit = async () => {
    if (!achievedAt) {
      setErrors({ achievedAt: translate('ra.validation.required') });
      return;
    }
    const saved = await run(() =>
      dataProvider.update('milestones', {
        id: milestone.id,
        data: {
          ...milestone,
          status: 'ACHIEVED',
          achievedAt,
          evidence: evidence.trim() || null,
        },
        previousData: milestone,
      }),
    );
    if (!saved) return;
    notify('app.milestones.achieved_done', {
      type: 'success',
      messageArgs: { title: milestone.title },
    });
    setEvidence('');
    setOpen(false);
    refresh();
  };

  return (
    <>
      <Button
        variant={variant}
        color="success"
        size={size}
        startIcon={<TaskAltIcon />}
        onClick={() => {
          setAchievedAt(todayIso());
          setOpen(true);
        }}
        aria-label={translate('app.milestones.achieve_named', { title: milestone.title })}
        sx={{ minHeight: 48, whiteSpace: 'nowrap', flexShrink: 0 }}
      >
        {translate('app.milestones.achieve')}
      </Button>
      {open ? (
        <FormDialog
          title={translate('app.milestones.achieve_title')}
          open={open}
          onClose={close}
          onSubmit={submit}
          submitLabel={translate('app.milestones.achieve_confirm')}
          sending={sending}
          refusal={refusal}
        >
          <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600 }}>
            {milestone.title}
          </Typography>
          <TextField
            type="date"
            label={translate('resources.milestones.fields.achievedAt')}
            value={achievedAt}
            onChange={(e) => setAchievedAt(e.target.value)}
            required
            error={!!errors.achievedAt}
            helperText={errors.achievedAt}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today } }}
          />
          <TextField
            label={translate('resources.milestones.fields.evidence')}
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            multiline
            minRows={3}
            error={!!errors.evidence}
            helperText={errors.evidence ?? translate('app.milestones.evidence_help')}
          />
        </FormDialog>
      ) : null}
    </>
  );
};
