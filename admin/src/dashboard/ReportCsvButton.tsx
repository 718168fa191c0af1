import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useDataProvider, useTranslate } from 'react-admin';
import { useDownload } from '../common/useDownload';
import type { AppDataProvider } from '../providers/dataProvider';
import type { CaseloadTable, ReportName, ReportQuery } from '../providers/reports';

/** "Scarica CSV": a dashboard table as the server's CSV for Excel, with the filters shown. */
export const ReportCsvButton = ({
  name,
  query,
  table,
  label,
}: {
  name: ReportName;
  query: ReportQuery;
  /** One of the caseload's two tables alone. */
  table?: CaseloadTable;
  /** Which table, for a screen reader: "Scarica CSV — <label>". */
  label: string;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { busy, download } = useDownload('app.reports.csv_failed');
  const save = () =>
    download(
      () => dataProvider.getReportCsv(name, { ...query, table }),
      translate(`app.reports.csv_file.${table ?? name}`),
    );
  return (
    <Button
      size="small"
      variant="outlined"
      startIcon={<DownloadIcon />}
      disabled={busy}
      aria-label={`${translate('app.reports.csv')} — ${label}`}
      onClick={() => void save()}
      sx={{ minHeight: 40 }}
    >
      {translate('app.reports.csv')}
    </Button>
  );
};
