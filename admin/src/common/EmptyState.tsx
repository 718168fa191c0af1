import InboxIcon from '@mui/icons-material/Inbox';
import { Box, Typography } from '@mui/material';
import { CreateButton, useCanAccess, useResourceContext, useTranslate } from 'react-admin';

/**
 * What an empty list says: what the list will hold and, for those who may, how to fill it
 * ("Nessun patto: crea il primo patto con il pulsante Crea").
 */
export const EmptyState = () => {
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const { canAccess: canCreate } = useCanAccess({ resource, action: 'create' });
  const name = translate(`resources.${resource}.name`, { smart_count: 2, _: resource });
  const message = translate(`app.empty.${resource}.${canCreate ? 'create' : 'read'}`, {
    _: translate('ra.navigation.no_results', { name }),
  });
  return (
    <Box sx={{ textAlign: 'center', py: 6, px: 2, mx: 'auto', maxWidth: 560 }}>
      <InboxIcon sx={{ fontSize: 64, color: 'text.secondary' }} aria-hidden />
      <Typography variant="h6" component="p" sx={{ my: 2 }}>
        {message}
      </Typography>
      {canCreate ? <CreateButton variant="contained" size="large" /> : null}
    </Box>
  );
};
