import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';

/** A column of figures: its heading and the value it shows for a row. */
export interface FiguresColumn<Row> {
  key: string;
  label: string;
  value: (row: Row) => ReactNode;
}

/**
 * A small table of figures: one row per person or group, named in its first cell (a row
 * header), the figures right-aligned under their column headings.
 */
export const FiguresTable = <Row,>({
  label,
  nameLabel,
  rows,
  rowKey,
  rowName,
  columns,
}: {
  label: string;
  nameLabel: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  rowName: (row: Row) => ReactNode;
  columns: readonly FiguresColumn<Row>[];
}) => (
  <TableContainer>
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            {nameLabel}
          </TableCell>
          {columns.map((c) => (
            <TableCell key={c.key} component="th" scope="col" align="right">
              {c.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)}>
            <TableCell component="th" scope="row">
              {rowName(row)}
            </TableCell>
            {columns.map((c) => (
              <TableCell key={c.key} align="right">
                {c.value(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </TableContainer>
);
