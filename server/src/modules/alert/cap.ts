import type { Force } from '../force/force.entity';
import { IncidentType, SERIOUS_VIOLENCE } from '../report/report.enums';
import { AlertStatus, type Alert } from './alert.entity';

/** The CAP 1.2 `sender` for Lantern's alerts. */
export const CAP_SENDER = 'alerts@lantern.invalid';
const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** CAP's dateTime: numeric offset, no fractional seconds ("2026-11-28T23:05:00+00:00"). */
export function capTime(d: Date): string {
  return `${d.toISOString().slice(0, 19)}+00:00`;
}

const capIdentifier = (alert: Alert) => `lantern-alert-${alert.id}`;

/** One published (or withdrawn) alert as a CAP 1.2 document. Restricted scope: for partners only. */
export function toCap(alert: Alert, areas: Force[], corrects?: Alert | null): string {
  const cancelled = alert.status === AlertStatus.WITHDRAWN;
  const update = !cancelled && !!corrects?.publishedAt;
  const sent = alert.withdrawnAt && cancelled ? alert.withdrawnAt : (alert.publishedAt ?? alert.createdAt);
  const severe = alert.incidentTypes.some((t) => SERIOUS_VIOLENCE.includes(t));
  const lines = [
    `<alert xmlns="${CAP_NS}">`,
    `  <identifier>${escapeXml(cancelled ? `${capIdentifier(alert)}-cancel` : capIdentifier(alert))}</identifier>`,
    `  <sender>${CAP_SENDER}</sender>`,
    `  <sent>${capTime(sent)}</sent>`,
    '  <status>Actual</status>',
    `  <msgType>${cancelled ? 'Cancel' : update ? 'Update' : 'Alert'}</msgType>`,
    '  <scope>Restricted</scope>',
    '  <restriction>For the charity’s police and partner organisations; do not republish.</restriction>',
    ...(cancelled && alert.publishedAt ? [`  <references>${CAP_SENDER},${escapeXml(capIdentifier(alert))},${capTime(alert.publishedAt)}</references>`] : []),
    ...(update ? [`  <references>${CAP_SENDER},${escapeXml(capIdentifier(corrects!))},${capTime(corrects!.publishedAt!)}</references>`] : []),
    '  <info>',
    '    <language>en-GB</language>',
    '    <category>Safety</category>',
    `    <event>${escapeXml(eventName(alert.incidentTypes))}</event>`,
    `    <urgency>${cancelled ? 'Past' : 'Expected'}</urgency>`,
    `    <severity>${severe ? 'Severe' : 'Moderate'}</severity>`,
    '    <certainty>Likely</certainty>',
    ...(alert.expiresAt ? [`    <expires>${capTime(alert.expiresAt)}</expires>`] : []),
    `    <senderName>Lantern</senderName>`,
    `    <headline>${escapeXml(alert.title)}</headline>`,
    `    <description>${escapeXml(cancelled && alert.withdrawalReason ? `Withdrawn: ${alert.withdrawalReason}` : alert.body)}</description>`,
    ...alert.shownIdentifiers.map((i) => `    <parameter><valueName>${i.kind}</valueName><value>${escapeXml(i.value)}</value></parameter>`),
    ...areas.map((f) => `    <area><areaDesc>${escapeXml(f.name)}</areaDesc></area>`),
    '  </info>',
    '</alert>',
  ];
  return lines.join('\n');
}

function eventName(types: IncidentType[]): string {
  if (types.some((t) => SERIOUS_VIOLENCE.includes(t))) return 'Warning: violent or sexual offender';
  if (types.includes(IncidentType.ROBBERY) || types.includes(IncidentType.FRAUD)) return 'Warning: robbery, theft or non-payment';
  return 'Warning: dangerous individual';
}

/** An Atom feed whose entries carry the CAP documents (the usual way CAP alerts are syndicated). */
export function capAtomFeed(entries: { alert: Alert; areas: Force[]; corrects?: Alert | null }[], selfUrl: string, now = new Date()): string {
  const items = entries.map(({ alert, areas, corrects }) =>
    [
      '  <entry>',
      `    <id>urn:uuid:${alert.id}</id>`,
      `    <title>${escapeXml(alert.title)}</title>`,
      `    <updated>${capTime(alert.withdrawnAt ?? alert.publishedAt ?? alert.updatedAt)}</updated>`,
      '    <content type="application/cap+xml">',
      toCap(alert, areas, corrects).replace(/^/gm, '      '),
      '    </content>',
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(selfUrl)}</id>`,
    '  <title>Lantern alerts (CAP 1.2, restricted)</title>',
    `  <updated>${capTime(now)}</updated>`,
    `  <link rel="self" href="${escapeXml(selfUrl)}"/>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
