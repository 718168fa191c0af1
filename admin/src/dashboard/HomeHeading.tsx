import { Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';

/** The title of a role's home and the welcome to whoever is signed in. */
export const HomeHeading = ({ title }: { title: string }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <div style={{ flexGrow: 1 }}>
      <Typography variant="h4" component="h1">
        {translate(title)}
      </Typography>
      <Typography color="text.secondary">
        {translate('app.dashboard.welcome', { name: identity?.fullName ?? '' })}
      </Typography>
    </div>
  );
};
