import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControl,
  FormControlLabel,
  FormLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { IMPORT_KINDS, type ImportKind } from '@generattivi/shared';
import { useEffect, useState } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { localizeCode } from '../common/serverMessages';
import { useDownload } from '../common/useDownload';
import type { AppDataProvider, ImportJob } from '../providers/dataProvider';

/** How often a running import is asked for its progress. */
const POLL_MS = 500;
const TOUCH = { minHeight: 44 };

/** Polls the job until it has finished; `onProgress` hears each answer. */
async function untilDone(
  dataProvider: AppDataProvider,
  id: number,
  onProgress: (job: ImportJob) => void,
): Promise<ImportJob> {
  for (;;) {
    const job = await dataProvider.getImport(id);
    onProgress(job);
    if (job.status === 'DONE' || job.status === 'FAILED') return job;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

const Progress = ({ job }: { job: ImportJob }) => {
  const translate = useTranslate();
  const share = job.rows ? Math.round((100 * job.processed) / job.rows) : 0;
  return (
    <Box sx={{ my: 2 }}>
      <Typography variant="body2" id="import-progress-label">
        {translate('app.imports.progress', { processed: job.processed, rows: job.rows })}
      </Typography>
      <LinearProgress variant="determinate" value={share} aria-labelledby="import-progress-label" />
    </Box>
  );
};

/** The report: totals, the file's warnings, and each row with its faulty cells marked. */
const Report = ({ job }: { job: ImportJob }) => {
  const translate = useTranslate();
  const said = (e: { code: string; params: Record<string, unknown>; message: string }) =>
    localizeCode(e, translate, e.message);
  const verb = job.dryRun ? 'dry' : 'done';
  return (
    <Box sx={{ mt: 2 }}>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
        <Chip label={translate(`app.imports.totals.${verb}.created`, { n: job.created })} />
        <Chip label={translate(`app.imports.totals.${verb}.updated`, { n: job.updated })} />
        <Chip label={translate('app.imports.totals.unchanged', { n: job.unchanged })} />
        <Chip
          color={job.failed ? 'error' : 'default'}
          label={translate('app.imports.totals.failed', { n: job.failed })}
        />
      </Stack>
      {job.warnings.map((w, i) => (
        <Alert key={i} severity="warning" sx={{ mb: 1 }}>
          {said(w)}
        </Alert>
      ))}
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={translate('app.imports.report')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.imports.row')}</TableCell>
              <TableCell>{translate('app.imports.outcome')}</TableCell>
              <TableCell>{translate('app.imports.problems')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {job.results
              .filter((r) => r.status === 'error')
              .concat(job.results.filter((r) => r.status !== 'error').slice(0, 50))
              .map((r) => (
                <TableRow key={r.row}>
                  <TableCell>{r.row}</TableCell>
                  <TableCell>{translate(`app.imports.status.${verb}.${r.status}`)}</TableCell>
                  <TableCell>
                    {Object.entries(r.errors ?? {}).map(([column, e]) => (
                      <Chip
                        key={column}
                        color="error"
                        variant="outlined"
                        size="small"
                        sx={{
                          m: 0.25,
                          height: 'auto',
                          '& .MuiChip-label': { whiteSpace: 'normal' },
                        }}
                        label={column ? `${column}: ${said(e)}` : said(e)}
                      />
                    ))}
                  </TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
};

/**
 * «Importa»: choose what to import, download the template, upload the file; the dry run's
 * report row by row (faulty cells marked); then «Importa N righe», with a progress bar while
 * the server writes them (all or nothing).
 */
export const ImportPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { busy: downloading, download } = useDownload('app.imports.download_failed');
  const [kind, setKind] = useState<ImportKind>('beneficiaries');
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [working, setWorking] = useState(false);
  useEffect(() => setJob(null), [kind, file]);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setWorking(true);
    try {
      const started = await dataProvider.startImport({ kind, dryRun, file });
      setJob(started);
      const done = await untilDone(dataProvider, started.id, setJob);
      if (done.status === 'FAILED') notify('app.imports.failed', { type: 'error' });
      else if (done.committed) notify('app.imports.committed', { type: 'success' });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'app.imports.failed', { type: 'error' });
    } finally {
      setWorking(false);
    }
  };

  const finished = job?.status === 'DONE';
  const ready = finished && job.dryRun && job.failed === 0;
  return (
    <Card>
      <Title title={translate('app.imports.title')} />
      <CardContent>
        <Stack spacing={2} sx={{ maxWidth: 960 }}>
          <FormControl>
            <FormLabel id="import-kind">{translate('app.imports.kind')}</FormLabel>
            <RadioGroup
              row
              aria-labelledby="import-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as ImportKind)}
            >
              {IMPORT_KINDS.map((k) => (
                <FormControlLabel
                  key={k}
                  value={k}
                  control={<Radio />}
                  label={translate(`app.imports.kinds.${k}`)}
                  sx={TOUCH}
                />
              ))}
            </RadioGroup>
          </FormControl>
          <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
            {(['xlsx', 'csv'] as const).map((format) => (
              <Button
                key={format}
                variant="outlined"
                sx={TOUCH}
                disabled={downloading}
                onClick={() =>
                  void download(
                    () => dataProvider.getImportTemplate(kind, format),
                    `modello-${kind}.${format}`,
                  )
                }
              >
                {translate(`app.imports.template_${format}`)}
              </Button>
            ))}
          </Stack>
          <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center">
            <Button component="label" variant="outlined" startIcon={<UploadFileIcon />} sx={TOUCH}>
              {translate('app.imports.choose_file')}
              <input
                hidden
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </Button>
            <Typography variant="body2">
              {file?.name ?? translate('app.imports.no_file')}
            </Typography>
          </Stack>
          <Box>
            <Button
              variant="contained"
              sx={TOUCH}
              disabled={!file || working}
              onClick={() => void run(true)}
            >
              {translate('app.imports.check')}
            </Button>
          </Box>
          {job && !finished ? <Progress job={job} /> : null}
          {finished ? <Report job={job} /> : null}
          {finished ? (
            <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
              <Button
                variant="outlined"
                sx={TOUCH}
                disabled={downloading}
                onClick={() =>
                  void download(() => dataProvider.getImportReport(job.id), 'esito.csv')
                }
              >
                {translate('app.imports.download_report')}
              </Button>
              {ready ? (
                <Button
                  variant="contained"
                  color="primary"
                  sx={TOUCH}
                  disabled={working}
                  onClick={() => void run(false)}
                >
                  {translate('app.imports.commit', {
                    smart_count: job.created + job.updated + job.unchanged,
                  })}
                </Button>
              ) : null}
            </Stack>
          ) : null}
          {finished && job.dryRun && job.failed > 0 ? (
            <Alert severity="error">
              {translate('app.imports.fix_and_retry', { n: job.failed })}
            </Alert>
          ) : null}
          {finished && job.committed ? (
            <Alert severity="success">
              {translate('app.imports.done', {
                created: job.created,
                updated: job.updated,
                unchanged: job.unchanged,
              })}
            </Alert>
          ) : null}
        </Stack>
      </CardContent>
    </Card>
  );
};
