import { Box, Typography } from '@mui/material';
import { useId } from 'react';
import { useTranslate } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type YAxisProps,
} from 'recharts';
import type { ChartRow } from './chartData';
import { FiguresTable } from './FiguresTable';

/** Legend entries in the body text colour: the swatch carries the series colour. */
const legendText = (value: string) => <span style={{ color: '#212121' }}>{value}</span>;

/** Tooltip entries in the body text colour too (the series colours may be light). */
const tooltipItemStyle = { color: '#212121' };

/** An x-axis tick on two lines, "Crema" over "Autonomia" (the group names are "A · B"). */
const TwoLineTick = ({
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

/** A column of the figures' table; a bar series is one too. */
export interface ChartColumn {
  key: string;
  label: string;
  format?: (value: ChartRow[string]) => string;
}

/** A series of bars: its column of figures and its colour (≥ 3:1 on white, WCAG graphics). */
export interface ChartSeries extends ChartColumn {
  colour: string;
}

const shown = (column: ChartColumn, value: ChartRow[string]) =>
  column.format
    ? column.format(value)
    : value === null || value === undefined
      ? '—'
      : String(value);

/**
 * A bar chart with its caption, drawn for the eye, and the same figures as a table under
 * "Mostra i dati" for keyboards and screen readers: one bar group per territory and type.
 * A stacked chart piles its series with a legend; a single series may print its values
 * above the bars. The series are the table's columns, then any `extraColumns`.
 */
export const BarChartFigure = ({
  title,
  data,
  series,
  extraColumns = [],
  stacked = false,
  valueLabels,
  tooltipFormat,
  yAxis = { allowDecimals: false },
}: {
  title: string;
  data: ChartRow[];
  series: ChartSeries[];
  extraColumns?: ChartColumn[];
  stacked?: boolean;
  /** Values above the bars, with this wording of a value (or as they are). */
  valueLabels?: true | ((value: unknown) => string);
  tooltipFormat?: (value: unknown) => string;
  yAxis?: Pick<YAxisProps, 'allowDecimals' | 'domain' | 'unit'>;
}) => {
  const translate = useTranslate();
  const id = useId();
  const columns = [...series, ...extraColumns];
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
        <ResponsiveContainer>
          <BarChart
            data={data}
            accessibilityLayer={false}
            margin={{ top: valueLabels ? 24 : 8, right: 8, left: 0, bottom: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" tick={<TwoLineTick />} interval={0} height={40} />
            <YAxis {...yAxis} />
            <Tooltip
              itemStyle={tooltipItemStyle}
              formatter={tooltipFormat ? (value) => tooltipFormat(value) : undefined}
            />
            {stacked ? <Legend formatter={legendText} itemSorter={null} /> : null}
            {series.map((s) => (
              <Bar
                isAnimationActive={false}
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId={stacked ? 'stack' : undefined}
                fill={s.colour}
              >
                {valueLabels ? (
                  <LabelList
                    dataKey={s.key}
                    position="top"
                    formatter={valueLabels === true ? undefined : valueLabels}
                  />
                ) : null}
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Box component="details" sx={{ mt: 1 }}>
        <Box component="summary" sx={{ cursor: 'pointer', py: 1 }}>
          {translate('app.reports.show_data')}
        </Box>
        <FiguresTable
          label={title}
          nameLabel={translate('app.reports.group')}
          rows={data}
          rowKey={(row) => row.name}
          rowName={(row) => row.name}
          columns={columns.map((c) => ({ ...c, value: (row: ChartRow) => shown(c, row[c.key]) }))}
        />
      </Box>
    </Box>
  );
};
