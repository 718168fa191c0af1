import {
  Box,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useId, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { ChartRow } from './chartData';

/** Legend entries in the body text colour: the swatch carries the series colour. */
export const legendText = (value: string) => <span style={{ color: '#212121' }}>{value}</span>;

/** Tooltip entries in the body text colour too (the series colours may be light). */
export const tooltipItemStyle = { color: '#212121' };

/** An x-axis tick on two lines, "Crema" over "Autonomia" (the group names are "A · B"). */
export const TwoLineTick = ({
  x = 0,
  y = 0,
  payload,
}: {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}) => {
  const [first, second] = String(payload?.value ?? '').split(' · ');
  return (
    <text x={Number(x)} y={Number(y) + 12} textAnchor="middle" fontSize={11} fill="#424242">
      <tspan x={Number(x)}>{first}</tspan>
      {second ? (
        <tspan x={Number(x)} dy={14}>
          {second}
        </tspan>
      ) : null}
    </text>
  );
};

export interface ChartColumn {
  key: string;
  label: string;
  format?: (value: ChartRow[string]) => string;
}

/**
 * A chart with its caption, drawn for the eye, and the same figures as a table under
 * "Mostra i dati" for keyboards and screen readers.
 */
export const ChartFigure = ({
  title,
  data,
  columns,
  children,
}: {
  title: string;
  data: ChartRow[];
  columns: ChartColumn[];
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const id = useId();
  const show = (column: ChartColumn, value: ChartRow[string]) =>
    column.format
      ? column.format(value)
      : value === null || value === undefined
        ? '—'
        : String(value);
  return (
    <Box component="figure" aria-labelledby={id} sx={{ m: 0 }} data-chart={title}>
      <Typography
        id={id}
        component="figcaption"
        variant="subtitle1"
        sx={{ fontWeight: 600, mb: 1 }}
      >
        {title}
      </Typography>
      <Box role="img" aria-label={title} sx={{ width: '100%', height: 300 }}>
        {children}
      </Box>
      <Box component="details" sx={{ mt: 1 }}>
        <Box component="summary" sx={{ cursor: 'pointer', py: 1 }}>
          {translate('app.reports.show_data')}
        </Box>
        <TableContainer>
          <Table size="small" aria-label={title}>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  {translate('app.reports.group')}
                </TableCell>
                {columns.map((c) => (
                  <TableCell key={c.key} component="th" scope="col" align="right">
                    {c.label}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((row) => (
                <TableRow key={row.name}>
                  <TableCell component="th" scope="row">
                    {row.name}
                  </TableCell>
                  {columns.map((c) => (
                    <TableCell key={c.key} align="right">
                      {show(c, row[c.key])}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </Box>
    </Box>
  );
};
