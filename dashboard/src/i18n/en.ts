import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type TranslationMessages } from 'react-admin';

/** Every text the dashboard adds to react-admin's own English. */
export const lanternMessages = {
  resources: {
    users: {
      name: 'User |||| Users',
      notifications: {
        created: 'Account created',
        updated: 'Account updated',
      },
      fields: {
        q: 'Search',
        name: 'Name',
        email: 'Email',
        role: 'Role',
        force: 'Force',
        password: 'Password',
        active: 'Active',
        lastLoginAt: 'Last signed in',
        deactivatedAt: 'Deactivated',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
    },
    forces: {
      name: 'Force |||| Forces',
      fields: {
        q: 'Search',
        name: 'Name',
        code: 'Code',
        nation: 'Nation',
        region: 'Region',
      },
    },
  },
  lantern: {
    enums: {
      Role: {
        ADMIN: 'Admin',
        MANAGER: 'Manager',
        CASE_WORKER: 'Case worker',
        POLICE_PARTNER: 'Police partner',
        MEMBER: 'Member',
      },
      Nation: {
        ENGLAND: 'England',
        WALES: 'Wales',
        SCOTLAND: 'Scotland',
        NORTHERN_IRELAND: 'Northern Ireland',
        GREAT_BRITAIN: 'Great Britain',
      },
    },
    auth: {
      email: 'Email',
      password: 'Password',
      totp: 'One-time code (if you use one)',
      session_expired: 'Your session has ended. Please sign in again.',
    },
    errors: {
      network: 'Cannot reach the Lantern server. Check your connection and try again.',
      server: 'The Lantern server could not answer. Please try again.',
    },
    member_notice: {
      title: 'This dashboard is for Lantern staff and police partners',
      body: "To make a report, follow one, or change what you share, please use the members' page.",
      sign_out: 'Sign out',
    },
    users: {
      force_help: 'Police partner accounts belong to one force.',
      deactivate: {
        action: 'Deactivate',
        confirm_title: 'Deactivate %{recordRepresentation}?',
        confirm_content: 'This person will no longer be able to sign in. Their records are kept.',
        done: 'Account deactivated',
      },
      reset_password: {
        title: 'Reset password',
        help: 'Sets a new password for this account. Tell the person through a channel you trust.',
        new_password: 'New password',
        action: 'Reset password',
        done: 'Password reset',
      },
    },
  },
};

export const messages: TranslationMessages = mergeTranslations(englishMessages, lanternMessages);

export const i18nProvider = polyglotI18nProvider(() => messages, 'en', [{ locale: 'en', name: 'English' }], {
  allowMissing: true,
});
