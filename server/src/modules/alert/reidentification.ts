import { IdentifierKind } from '../identifier/identifier.kind';
import { normaliseIdentifier } from '../identifier/identifier.normalise';

/** What could identify the person who reported, found in an alert's text. */
export enum FindingKind {
  PSEUDONYM = 'PSEUDONYM',
  CONTACT_DETAIL = 'CONTACT_DETAIL',
  LOCATION = 'LOCATION',
  EXACT_TIME = 'EXACT_TIME',
  STREET_ADDRESS = 'STREET_ADDRESS',
  POSTCODE = 'POSTCODE',
  IDENTIFIER_NOT_SHOWN = 'IDENTIFIER_NOT_SHOWN',
}

export interface Finding {
  kind: FindingKind;
  /** Stable for the same problem in the same text: what an override names. */
  code: string;
  /** The text that was found, as written. */
  excerpt: string;
  field: 'title' | 'body';
  message: string;
}

/** What the check knows about the source reports: never shown to anyone, only compared. */
export interface ReidentificationContext {
  pseudonyms: string[];
  contactPhones: string[]; // E.164
  contactEmails: string[]; // lower-case
  locations: string[]; // the staff-only locations of the source reports
  identifiers: { kind: IdentifierKind; value: string }[]; // normalised, from the source reports
  shown: { kind: IdentifierKind; value: string }[]; // normalised, chosen to be shown
}

const TIME = /\b(?:(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?(?:am|pm))?|(?:1[0-2]|0?[1-9])\s?(?:am|pm))\b/gi;
const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/gi;
const STREET =
  /\b\d{1,4}[a-z]?,?\s+(?:[A-Z][\w'-]*\s+){0,3}(?:street|st|road|rd|avenue|ave|lane|ln|close|drive|dr|way|court|ct|place|pl|crescent|terrace|gardens|grove|square|sq|hill|row|mews|walk|parade)\b\.?/gi;
const PHONE_LIKE = /(?:\+|\b)\d[\d\s().-]{8,}\d\b/g;
const EMAIL_LIKE = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/gi;
const HANDLE_LIKE = /@[\w.]{2,}/g;
const WORD = /[A-Za-z0-9]+/g;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const key = (kind: string, value: string) => `${kind}:${value}`;

/**
 * Scans an alert's title and body for what could identify the reporter. Pure: the caller brings
 * the context, so the check can be tested on a table of texts and re-run on every edit.
 */
export function findReidentificationRisks(text: { title: string; body: string }, ctx: ReidentificationContext): Finding[] {
  const findings = new Map<string, Finding>();
  const add = (f: Finding) => {
    if (!findings.has(`${f.field}|${f.code}`)) findings.set(`${f.field}|${f.code}`, f);
  };
  const shown = new Set(ctx.shown.map((i) => key(i.kind, i.value)));
  const known = new Map(ctx.identifiers.map((i) => [key(i.kind, i.value), i]));

  for (const field of ['title', 'body'] as const) {
    const value = text[field];

    for (const p of ctx.pseudonyms.filter((p) => p.trim().length >= 2)) {
      const m = new RegExp(`\\b${escapeRegExp(p.trim())}\\b`, 'i').exec(value);
      if (m) add({ kind: FindingKind.PSEUDONYM, code: key('PSEUDONYM', p.trim().toLowerCase()), excerpt: m[0], field, message: 'names the member who reported' });
    }

    for (const loc of ctx.locations) {
      for (const part of loc.split(/[,;]/).map((s) => s.trim()).filter((s) => s.length >= 4)) {
        const m = new RegExp(escapeRegExp(part), 'i').exec(value);
        if (m) add({ kind: FindingKind.LOCATION, code: key('LOCATION', part.toLowerCase()), excerpt: m[0], field, message: 'repeats the location the member gave, which stays with the charity' });
      }
    }

    for (const m of value.matchAll(TIME)) add({ kind: FindingKind.EXACT_TIME, code: key('TIME', m[0].toLowerCase().replace(/\s/g, '')), excerpt: m[0], field, message: 'gives an exact time' });
    for (const m of value.matchAll(POSTCODE)) add({ kind: FindingKind.POSTCODE, code: key('POSTCODE', `${m[1]} ${m[2]}`.toUpperCase()), excerpt: m[0], field, message: 'gives a full postcode' });
    for (const m of value.matchAll(STREET)) add({ kind: FindingKind.STREET_ADDRESS, code: key('STREET', m[0].toLowerCase().replace(/\s+/g, ' ').replace(/[.,]/g, '')), excerpt: m[0], field, message: 'gives a street address' });

    // Phone numbers: the member's own, or a perpetrator's that was not chosen to be shown.
    for (const m of value.matchAll(PHONE_LIKE)) {
      let phone: string;
      try {
        phone = normaliseIdentifier(IdentifierKind.PHONE, m[0]);
      } catch {
        continue;
      }
      if (ctx.contactPhones.includes(phone)) add({ kind: FindingKind.CONTACT_DETAIL, code: key('CONTACT', phone), excerpt: m[0], field, message: 'is the member’s own phone number' });
      else if (known.has(key(IdentifierKind.PHONE, phone)) && !shown.has(key(IdentifierKind.PHONE, phone))) {
        add({ kind: FindingKind.IDENTIFIER_NOT_SHOWN, code: key('PHONE', phone), excerpt: m[0], field, message: 'is an identifier not chosen to be shown' });
      }
    }
    for (const m of value.matchAll(EMAIL_LIKE)) {
      const email = m[0].toLowerCase();
      if (ctx.contactEmails.includes(email)) add({ kind: FindingKind.CONTACT_DETAIL, code: key('CONTACT', email), excerpt: m[0], field, message: 'is the member’s own e-mail address' });
      else if (known.has(key(IdentifierKind.EMAIL, email)) && !shown.has(key(IdentifierKind.EMAIL, email))) {
        add({ kind: FindingKind.IDENTIFIER_NOT_SHOWN, code: key('EMAIL', email), excerpt: m[0], field, message: 'is an identifier not chosen to be shown' });
      }
    }
    for (const m of value.matchAll(HANDLE_LIKE)) {
      const handle = m[0].replace(/^@+/, '').toLowerCase();
      if (known.has(key(IdentifierKind.HANDLE, handle)) && !shown.has(key(IdentifierKind.HANDLE, handle))) {
        add({ kind: FindingKind.IDENTIFIER_NOT_SHOWN, code: key('HANDLE', handle), excerpt: m[0], field, message: 'is an identifier not chosen to be shown' });
      }
    }
    // Vehicle registrations and names: compare runs of words, normalised the same way.
    const words = [...value.matchAll(WORD)].map((m) => m[0]);
    for (const id of ctx.identifiers) {
      if (shown.has(key(id.kind, id.value))) continue;
      if (id.kind === IdentifierKind.VEHICLE) {
        for (let i = 0; i < words.length; i++) {
          for (const n of [1, 2]) {
            const run = words.slice(i, i + n).join('').toUpperCase();
            if (run === id.value) add({ kind: FindingKind.IDENTIFIER_NOT_SHOWN, code: key('VEHICLE', id.value), excerpt: words.slice(i, i + n).join(' '), field, message: 'is an identifier not chosen to be shown' });
          }
        }
      } else if (id.kind === IdentifierKind.NAME && id.value.length >= 3) {
        const m = new RegExp(`\\b${escapeRegExp(id.value).replace(/ /g, '\\s+')}\\b`, 'i').exec(value);
        if (m) add({ kind: FindingKind.IDENTIFIER_NOT_SHOWN, code: key('NAME', id.value), excerpt: m[0], field, message: 'is an identifier not chosen to be shown' });
      }
    }
  }
  return [...findings.values()];
}
