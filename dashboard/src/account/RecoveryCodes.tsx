import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';

const FILE_NAME = 'lantern-recovery-codes.txt';

/**
 * The recovery codes, shown once (the server keeps only their hashes): copy, download, and an
 * explicit "I have saved them" before they go. The heading takes the focus when they appear.
 */
export const RecoveryCodes = ({ codes, email, onDone }: { codes: string[]; email?: string; onDone: () => void }) => {
  const translate = useTranslate();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => heading.current?.focus(), []);

  const text = [translate('lantern.account.codes.file_heading', { email: email ?? '' }), '', ...codes, ''].join('\n');
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = FILE_NAME;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Box component="section" aria-labelledby="recovery-codes-title" sx={{ mt: 2 }}>
      <Typography id="recovery-codes-title" ref={heading} tabIndex={-1} variant="h6" component="h2">
        {translate('lantern.account.codes.title')}
      </Typography>
      <Alert severity="warning" sx={{ my: 1 }}>
        {translate('lantern.account.codes.once')}
      </Alert>
      <Box
        component="ol"
        aria-label={translate('lantern.account.codes.title')}
        sx={{ fontFamily: 'monospace', fontSize: '1.1rem', columns: 2, columnGap: 6, pl: 4, my: 2 }}
        data-testid="recovery-codes"
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
        <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
          {translate('lantern.account.codes.copy')}
        </Button>
        <Button variant="outlined" startIcon={<DownloadIcon />} onClick={download}>
          {translate('lantern.account.codes.download')}
        </Button>
        <Button variant="contained" onClick={onDone}>
          {translate('lantern.account.codes.saved')}
        </Button>
      </Stack>
      <Typography role="status" variant="body2" sx={{ mt: 1, minHeight: '1.5em' }}>
        {copied ? translate('lantern.account.codes.copied') : ''}
      </Typography>
    </Box>
  );
};
