import ContactPhoneIcon from '@mui/icons-material/ContactPhone';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { Alert, Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Labeled, useDataProvider, useNotify, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { Section } from '../../components/Section';
import { formatWhen } from '../../components/formatWhen';
import type { LanternDataProvider, MemberContact } from '../../providers/dataProvider';
import { toHttpError } from '../../providers/errors';
import type { Member } from './member';

interface AccessEventRow extends RaRecord {
  at: string;
  actorRole: string;
  fields: string[];
  actor?: { id: string; name: string } | null;
}

/** Who has read this member's contact details, newest first (the server's access log). */
const ContactReadLog = ({ memberId, version }: { memberId: Member['id']; version: number }) => {
  const dataProvider = useDataProvider<LanternDataProvider>();
  const translate = useTranslate();
  const [events, setEvents] = useState<AccessEventRow[] | null>(null);
  useEffect(() => {
    let live = true;
    dataProvider
      .getAccessEvents({ memberId, kind: 'MEMBER_CONTACT_READ' }, 10)
      .then(({ data }) => live && setEvents(data as AccessEventRow[]))
      .catch(() => live && setEvents([]));
    return () => {
      live = false;
    };
  }, [dataProvider, memberId, version]);
  if (events === null) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle1" component="h3">
        {translate('lantern.members.log.title')}
      </Typography>
      {events.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('lantern.members.log.empty')}
        </Typography>
      ) : (
        <Table size="small" aria-label={translate('lantern.members.log.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('lantern.members.log.at')}</TableCell>
              <TableCell>{translate('lantern.members.log.actor')}</TableCell>
              <TableCell>{translate('lantern.members.log.fields')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {events.map((event) => (
              <TableRow key={event.id}>
                <TableCell>{formatWhen(event.at)}</TableCell>
                <TableCell>
                  {event.actor?.name
                    ? translate('lantern.common.by', { name: event.actor.name, role: translate(`lantern.enums.Role.${event.actorRole}`) })
                    : translate(`lantern.enums.Role.${event.actorRole}`)}
                </TableCell>
                <TableCell>{event.fields.map((field) => translate(`resources.members.fields.${field}`, { _: field })).join(', ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

/**
 * A member's phone and e-mail, fetched only when a case worker asks ("Show contact details"),
 * because the server writes every staff read of them to the access log. They are kept in this
 * component only (not in react-admin's cache) and forgotten on "Hide" or on leaving the page.
 */
export const MemberContactDetails = () => {
  const member = useRecordContext<Member>();
  const dataProvider = useDataProvider<LanternDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const [contact, setContact] = useState<MemberContact | null>(null);
  const [loading, setLoading] = useState(false);
  const [reads, setReads] = useState(0);

  const show = useCallback(async () => {
    if (!member) return;
    setLoading(true);
    try {
      const { data } = await dataProvider.getMemberContact(member.id);
      setContact(data);
      setReads((count) => count + 1);
    } catch (error) {
      const { message } = toHttpError(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setLoading(false);
    }
  }, [dataProvider, member, notify]);

  if (!member) return null;
  return (
    <Section title="lantern.members.contact.title" help="lantern.members.contact.help">
      {contact ? (
        <Box>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 4 }}>
            <Labeled label="resources.members.fields.contactPhone">
              <Typography variant="body2">{contact.contactPhone || '-'}</Typography>
            </Labeled>
            <Labeled label="resources.members.fields.contactEmail">
              <Typography variant="body2">{contact.contactEmail || '-'}</Typography>
            </Labeled>
          </Box>
          {!contact.contactPhone && !contact.contactEmail ? (
            <Typography variant="body2">{translate('lantern.members.contact.none')}</Typography>
          ) : null}
          <Alert severity="info" sx={{ my: 1 }}>
            {translate('lantern.members.contact.logged')}
          </Alert>
          <Button startIcon={<VisibilityOffIcon />} onClick={() => setContact(null)}>
            {translate('lantern.members.contact.hide')}
          </Button>
        </Box>
      ) : (
        <Button variant="outlined" startIcon={<ContactPhoneIcon />} onClick={show} disabled={loading}>
          {translate('lantern.members.contact.show')}
        </Button>
      )}
      <ContactReadLog memberId={member.id} version={reads} />
    </Section>
  );
};
