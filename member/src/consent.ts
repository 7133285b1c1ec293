import type { PoliceConsent } from './words';

/** What each consent question means, in the words the member reads before answering. */
export const CHANGE_LATER = 'You can change this later in “My reports”. A change works straight away.';

export const ALERTS_QUESTION = {
  question: 'May we warn other members about this person?',
  meaning:
    'We may write a short warning (an alert) for members who work in the same area. It never includes your name, your details, or anything that could show it was you. Two people on our team check every alert before it goes out.',
};

export const ANONYMOUS_QUESTION = {
  question: 'May we tell the police about this, without your name?',
  meaning:
    'The police for the area could see what kind of thing happened, when, the area, and the details you gave about the person (like their phone number or car). Our team may add a short summary. The police never see your name, your contact details, where exactly it happened, or your own words. You will be able to see each time the police read it.',
};

export type ContactRoute = 'VIA_CASE_WORKER' | 'PHONE' | 'EMAIL';

const ROUTE_WORDS: Record<ContactRoute, string> = {
  VIA_CASE_WORKER: 'They reach you through our team',
  PHONE: 'They may phone the safe number you gave us',
  EMAIL: 'They may e-mail the safe address you gave us',
};

export function fullQuestion(route: ContactRoute | null) {
  return {
    question: 'Do you want to talk to the police about this, with us alongside you?',
    meaning: `We tell the police you are willing to talk. They see what they would see without your name, and they can ask to speak to you. ${ROUTE_WORDS[route ?? 'VIA_CASE_WORKER']}, and we can be with you. Say no if you are not sure: you can say yes later.`,
  };
}

export const STATISTICS_QUESTION = {
  question: 'May we count this report in the figures we publish?',
  meaning: 'Only as a number, with no details, to show how often this happens. It helps us ask for funding and changes.',
};

/** The police level from the two police questions. */
export function policeLevel(anonymous: boolean, full: boolean): PoliceConsent {
  if (full) return 'FULL';
  return anonymous ? 'ANONYMOUS_INTELLIGENCE' : 'NONE';
}

export interface ConsentState {
  police: PoliceConsent;
  alerts: boolean;
  statistics: boolean;
}

/** One line per answer, for receipts and summaries. */
export function agreedLines(c: ConsentState, route: ContactRoute | null = null): string[] {
  return [
    c.alerts ? 'We may warn other members (an alert, never with your details).' : 'We will not use it for alerts.',
    c.police === 'FULL'
      ? `You want to talk to the police, with us alongside you. ${ROUTE_WORDS[route ?? 'VIA_CASE_WORKER']}.`
      : c.police === 'ANONYMOUS_INTELLIGENCE'
        ? 'We may tell the police, without your name or details.'
        : 'Nothing goes to the police.',
    c.statistics ? 'We may count it in our published figures (a number only).' : 'We will not count it in published figures.',
  ];
}
