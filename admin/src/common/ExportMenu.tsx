import DownloadIcon from '@mui/icons-material/Download';
import { Button, Menu, MenuItem } from '@mui/material';
import { useId, useState, type MouseEvent } from 'react';
import {
  CreateButton,
  FilterButton,
  TopToolbar,
  useCanAccess,
  useDataProvider,
  useListContext,
  useResourceContext,
  useResourceDefinition,
  useTranslate,
} from 'react-admin';
import type { AppDataProvider, ExportParams } from '../providers/dataProvider';
import { useDownload } from './useDownload';

/**
 * "Esporta": the list as it is filtered and sorted (or, with `selection`, the rows selected), downloaded from the server as a CSV or an
 * Excel file (`GET /api/<resource>/export`); hidden from the roles that may not export it.
 */
export const ExportMenu = ({ selection = false }: { selection?: boolean }) => {
  const resource = useResourceContext() ?? '';
  const { filterValues, sort, total, selectedIds } = useListContext();
  const { canAccess } = useCanAccess({ resource, action: 'export' });
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const menuId = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { busy, download: save } = useDownload('app.export.failed');
  if (!canAccess) return null;

  const download = async (format: ExportParams['format']) => {
    setAnchor(null);
    await save(
      () =>
        dataProvider.exportList(resource, {
          filter: selection ? { id: selectedIds } : (filterValues as Record<string, unknown>),
          sort,
          format,
        }),
      `${resource}.${format}`,
    );
  };

  return (
    <>
      <Button
        size="small"
        startIcon={<DownloadIcon />}
        disabled={busy || (selection ? selectedIds.length === 0 : total === 0)}
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
      >
        {translate(selection ? 'app.export.selected' : 'ra.action.export')}
      </Button>
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void download('csv')}>{translate('app.export.csv')}</MenuItem>
        <MenuItem onClick={() => void download('xlsx')}>{translate('app.export.xlsx')}</MenuItem>
      </Menu>
    </>
  );
};

/** A list's actions: its filters, "Crea" where the resource has it, and "Esporta". */
export const ListActionsWithExport = () => {
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      <FilterButton />
      {hasCreate ? <CreateButton /> : null}
      <ExportMenu />
    </TopToolbar>
  );
};
