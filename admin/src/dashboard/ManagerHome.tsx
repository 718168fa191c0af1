import { Stack } from '@mui/material';
import { CaseloadWidget } from './CaseloadWidget';
import { HomeHeading } from './HomeHeading';
import { OutcomesWidget } from './OutcomesWidget';
import { ReportFilters, useReportQuery } from './ReportFilters';

/**
 * The manager's home: outcomes and caseloads across the three territories, read-only, all
 * narrowed by the same filters, which live in the page address.
 */
const ManagerHome = () => {
  const [query, setQuery] = useReportQuery();
  return (
    <Stack spacing={2}>
      <HomeHeading title="app.dashboard.manager_title" />
      <ReportFilters query={query} onChange={setQuery} />
      <OutcomesWidget query={query} />
      <CaseloadWidget people="socialWorkers" query={query} />
      <CaseloadWidget people="communityMakers" query={query} />
    </Stack>
  );
};

export default ManagerHome;
