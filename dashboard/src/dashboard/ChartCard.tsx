import { Box, Card, CardContent, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** Hidden on screen, read by screen readers (and printed nowhere). */
export const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;

export interface FigureTable {
  /** Column headings (already translated). */
  columns: string[];
  /** One row per line of the chart: the first cell heads the row. */
  rows: (string | number)[][];
}

interface ChartCardProps {
  /** Translation key of the heading. */
  title: string;
  /** The key numbers in a sentence, shown under the heading (already translated). */
  summary: ReactNode;
  /** The chart's figures as a table, for screen readers. */
  table: FigureTable;
  testId: string;
  /** `data-*` attributes with the chart's key numbers, for tests and tools. */
  data?: Record<string, string | number>;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: boolean;
  children: ReactNode;
  wide?: boolean;
}

/**
 * A chart with a heading, a sentence giving its key numbers, and its figures as a table that
 * screen readers read instead of the drawing (the drawing itself is hidden from them).
 */
export const ChartCard = ({ title, summary, table, testId, data = {}, empty, children, wide }: ChartCardProps) => {
  const translate = useTranslate();
  const headingId = useId();
  const attributes = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, String(v)]));
  return (
    <Card
      component="section"
      aria-labelledby={headingId}
      variant="outlined"
      data-testid={testId}
      {...attributes}
      sx={{ gridColumn: wide ? '1 / -1' : undefined, breakInside: 'avoid', display: 'flex', flexDirection: 'column' }}
    >
      <CardContent sx={{ flex: 1 }}>
        <Typography id={headingId} variant="h6" component="h3">
          {translate(title)}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid={`${testId}-summary`}>
          {summary}
        </Typography>
        {empty ? (
          <Typography variant="body2" color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
            {translate('lantern.dashboard.nothing_yet')}
          </Typography>
        ) : (
          <Box aria-hidden="true" sx={{ width: '100%', height: 280 }}>
            {children}
          </Box>
        )}
        <Box component="table" sx={visuallyHidden}>
          <caption>{translate(title)}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </Box>
      </CardContent>
    </Card>
  );
};
