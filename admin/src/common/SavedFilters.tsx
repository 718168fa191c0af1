import type { SavedFilter as SavedFilterRecord } from '@generattivi/shared';
import BookmarksIcon from '@mui/icons-material/BookmarksOutlined';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import {
  Button,
  Divider,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import {
  useDataProvider,
  useDelete,
  useGetList,
  useListContext,
  useNotify,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { FormDialog } from './FormDialog';
import { useFormDialog } from './useFormDialog';

/**
 * "Filtri salvati" in a list's toolbar: the person's saved filters of this list (kept by the
 * server, so they follow the person to any device) to apply again or delete, and saving the
 * filter and sort shown now under a name.
 */
export const SavedFilters = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const resource = useResourceContext() ?? '';
  const menuId = useId();
  const { filterValues, sort, setFilters, setSort } = useListContext();
  const dataProvider = useDataProvider();
  const [deleteOne] = useDelete();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const dialog = useFormDialog({ name: '' });
  const { data: saved = [] } = useGetList<SavedFilterRecord>('saved-filters', {
    filter: { resource },
    sort: { field: 'name', order: 'ASC' },
    pagination: { page: 1, perPage: 50 },
  });

  const apply = (item: SavedFilterRecord) => {
    setAnchor(null);
    if (item.sort) setSort(item.sort);
    setFilters(item.filter, {});
  };
  const remove = (item: SavedFilterRecord) => {
    setAnchor(null);
    void deleteOne(
      'saved-filters',
      { id: item.id, previousData: item },
      {
        mutationMode: 'pessimistic',
        onSuccess: () =>
          notify('app.saved_filters.deleted', { type: 'info', messageArgs: { name: item.name } }),
        onError: () => notify('app.saved_filters.delete_failed', { type: 'error' }),
      },
    );
  };
  const save = async () => {
    const name = dialog.values.name.trim();
    if (!dialog.required({ name })) return;
    await dialog.send(
      () =>
        dataProvider.create('saved-filters', {
          data: { resource, name, filter: filterValues, sort },
        }),
      'app.saved_filters.saved',
      { name },
    );
  };

  return (
    <>
      <Button
        size="small"
        startIcon={<BookmarksIcon />}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {translate('app.saved_filters.button')}
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={!!anchor}
        onClose={() => setAnchor(null)}
        slotProps={{ paper: { sx: { maxWidth: 'calc(100vw - 32px)' } } }}
      >
        {saved.length === 0 ? (
          <Typography sx={{ px: 2, py: 1 }} color="text.secondary">
            {translate('app.saved_filters.none')}
          </Typography>
        ) : null}
        {saved.map((item) => (
          <MenuItem key={item.id} onClick={() => apply(item)} sx={{ minHeight: 48, gap: 1 }}>
            <ListItemText primary={item.name} sx={{ overflowWrap: 'anywhere' }} />
            <IconButton
              edge="end"
              aria-label={translate('app.saved_filters.delete', { name: item.name })}
              onClick={(event) => {
                event.stopPropagation();
                remove(item);
              }}
            >
              <DeleteOutlineIcon />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          sx={{ minHeight: 48 }}
          onClick={() => {
            setAnchor(null);
            dialog.show();
          }}
        >
          {translate('app.saved_filters.save')}
        </MenuItem>
      </Menu>
      <FormDialog
        dialog={dialog}
        title={translate('app.saved_filters.save')}
        onSubmit={() => void save()}
        submitLabel={translate('ra.action.save')}
      >
        <TextField
          required
          autoFocus
          label={translate('app.saved_filters.name')}
          inputProps={{ maxLength: 80 }}
          {...dialog.field('name')}
        />
      </FormDialog>
    </>
  );
};
