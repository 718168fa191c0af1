import {
  Box,
  Button,
  Card,
  CardContent,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Typography,
} from '@mui/material';
import {
  DIGEST_FREQUENCIES,
  type DigestFrequency,
  type DigestPreview,
  type ProfileRecord,
} from '@generattivi/shared';
import { useEffect, useState } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';

const CHOICE: Record<DigestFrequency, string> = {
  none: 'app.profile.digest_none',
  daily: 'app.profile.digest_daily',
  weekly: 'app.profile.digest_weekly',
};

/**
 * «Profilo»: the person's own e-mail digest (none, daily, weekly), saved as it is chosen, and
 * the preview of what today's digest would say.
 */
export const ProfilePage = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [profile, setProfile] = useState<ProfileRecord | null>(null);
  const [saving, setSaving] = useState(false);
  const [preview, setPreview] = useState<DigestPreview | null>(null);

  useEffect(() => {
    dataProvider.getProfile().then(setProfile, (e: Error) => notify(e.message, { type: 'error' }));
  }, [dataProvider, notify]);

  const choose = async (digestFrequency: DigestFrequency) => {
    if (!profile) return;
    const before = profile;
    // Shown chosen at once; put back if the server refuses it.
    setProfile({ ...profile, digestFrequency });
    setSaving(true);
    try {
      setProfile(await dataProvider.updateProfile({ digestFrequency }));
      setPreview(null);
      notify('app.profile.saved', { type: 'success' });
    } catch (e) {
      setProfile(before);
      notify((e as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  const showPreview = async () => {
    try {
      setPreview(await dataProvider.getDigestPreview());
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };

  return (
    <Card sx={{ mt: 1, maxWidth: 720 }}>
      <Title title={translate('app.profile.title')} />
      <CardContent>
        {profile ? (
          <>
            <Typography component="p" variant="h6" sx={{ overflowWrap: 'anywhere' }}>
              {profile.fullName}
            </Typography>
            <Typography color="text.secondary" sx={{ mb: 2, overflowWrap: 'anywhere' }}>
              {profile.email}
            </Typography>
            <FormControl disabled={saving}>
              <FormLabel id="digest-label">{translate('app.profile.digest')}</FormLabel>
              <RadioGroup
                aria-labelledby="digest-label"
                aria-describedby="digest-help"
                name="digestFrequency"
                value={profile.digestFrequency}
                onChange={(_, value) => void choose(value as DigestFrequency)}
              >
                {DIGEST_FREQUENCIES.map((f) => (
                  <FormControlLabel
                    key={f}
                    value={f}
                    control={<Radio />}
                    label={translate(CHOICE[f])}
                  />
                ))}
              </RadioGroup>
              <FormHelperText id="digest-help" sx={{ mx: 0 }}>
                {translate('app.profile.digest_help')}
              </FormHelperText>
            </FormControl>
            <Box sx={{ mt: 2 }}>
              <Button variant="outlined" onClick={() => void showPreview()}>
                {translate('app.profile.preview')}
              </Button>
            </Box>
            {preview ? (
              <Box component="section" aria-labelledby="preview-title" sx={{ mt: 2 }}>
                <Typography id="preview-title" component="h2" variant="subtitle1">
                  {translate('app.profile.preview_title')}
                </Typography>
                {preview.empty ? (
                  <Typography>{translate('app.profile.preview_empty')}</Typography>
                ) : (
                  <>
                    <Typography sx={{ fontWeight: 700, overflowWrap: 'anywhere' }}>
                      {translate('app.profile.preview_subject', { subject: preview.subject })}
                    </Typography>
                    <Box
                      component="pre"
                      data-digest-preview
                      sx={{
                        whiteSpace: 'pre-wrap',
                        overflowWrap: 'anywhere',
                        fontFamily: 'inherit',
                        fontSize: '0.875rem',
                        m: 0,
                        mt: 1,
                      }}
                    >
                      {preview.text}
                    </Box>
                  </>
                )}
              </Box>
            ) : null}
          </>
        ) : null}
      </CardContent>
    </Card>
  );
};
