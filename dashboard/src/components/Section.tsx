import { Box, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

interface SectionProps {
  /** Translation key of the heading. */
  title: string;
  /** Translation key of a line under the heading. */
  help?: string;
  children: ReactNode;
}

/** A titled part of a form or a page (a region named by its heading, for screen readers and tests). */
export const Section = ({ title, help, children }: SectionProps) => {
  const translate = useTranslate();
  const id = useId();
  return (
    <Box component="section" aria-labelledby={id} sx={{ width: '100%', mb: 2 }}>
      <Typography id={id} variant="h6" component="h2" sx={{ mt: 1 }}>
        {translate(title)}
      </Typography>
      {help ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate(help)}
        </Typography>
      ) : null}
      {children}
    </Box>
  );
};
