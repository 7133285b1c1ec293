import type { Browser, Page } from 'playwright-core';
import { MemberPage } from '../pages/member.page';
import { forceIdByName, gql, signIn } from '../support/api';
import { expectAccessible } from '../support/axe';
import { consoleErrorsOf, launchBrowser, newPage, PHONE, screenshot } from '../support/browser';
import { baseUrl } from '../support/server';

/**
 * A member deletes their own account from Settings, on a phone. What goes and what stays is said
 * before they decide; a missing answer or a wrong password is refused by name and changes
 * nothing; then the account is gone: the page is signed out, the old token and the password stop
 * working, and staff see the member record erased. Under a legal hold nothing is erased: the
 * request is recorded for staff, and the member is told it will be carried out later.
 */

let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let offOrigin: string[];
let member: MemberPage;
let consoleErrors: string[];
/** One case worker's sign-in for the whole file: sign-ins count against the account's rate limit. */
let cw: string;
let avon: string;

const RUN = Date.now().toString(36);
const PASSWORD = 'a long safe passphrase';

/** A new member through the API; their member id. */
async function registered(email: string): Promise<string> {
  const { registerMember } = await gql<{ registerMember: { token: string } }>(
    'mutation ($input: RegisterMemberInput!) { registerMember(input: $input) { token } }',
    { input: { email, password: PASSWORD, pseudonym: 'Sam', workSetting: 'OFF_STREET_INDEPENDENT', alertAreaIds: [avon] } },
  );
  return (await gql<{ myMember: { id: string } }>('{ myMember { id } }', {}, registerMember.token)).myMember.id;
}

async function signInOnThePage(email: string): Promise<void> {
  await member.open('sign-in');
  // Still signed in as the member of the test before: sign out first.
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.count()) {
    await signOut.click();
    await member.heading('Sign in').waitFor();
  }
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

const deleteSection = () => page.getByRole('region', { name: 'Delete my account' });

beforeAll(async () => {
  cw = await signIn('caseworker@example.org');
  avon = await forceIdByName('Avon and Somerset Police', cw);
  ({ browser, close: closeBrowser } = await launchBrowser());
  ({ page, offOrigin } = await newPage(browser, baseUrl(), PHONE));
  consoleErrors = consoleErrorsOf(page);
  member = new MemberPage(page);
});
afterAll(async () => {
  await page?.context().close();
  await closeBrowser?.();
});

describe('a member deletes their account', () => {
  it('says what goes and what stays, and refuses a missing answer or a wrong password by name, changing nothing', async () => {
    const email = `e2e.erase.${RUN}@example.org`;
    await registered(email);
    await signInOnThePage(email);
    await member.goTo('Settings');
    await member.heading('My areas and settings').waitFor();
    const section = deleteSection();
    await section.getByText('You cannot undo this.').waitFor();
    await expectAccessible(page, 'settings-delete');

    await section.getByRole('button', { name: 'Delete my account' }).click();
    await section.getByText('Please check the answers marked below.').waitFor();
    await section.getByText('Enter your password.').waitFor();
    await section.getByText('Tick the box to say you understand.').waitFor();

    await section.getByLabel('Your password').fill('not the password');
    await section.getByRole('checkbox', { name: 'I understand that this deletes my account and cannot be undone' }).check();
    await section.getByRole('button', { name: 'Delete my account' }).click();
    await section.getByText('That password is not right.').waitFor();
    await expectAccessible(page, 'settings-delete-refused');
    await screenshot(page, '51-member-delete-refused');
    const token = await page.evaluate(() => sessionStorage.getItem('lantern.member.token'));
    expect((await gql('{ me { role } }', {}, token!)).me.role).toBe('MEMBER');
  });

  it('with the right password: signed out, the account gone for good, the member record erased for staff', async () => {
    const email = `e2e.erased.${RUN}@example.org`;
    const memberId = await registered(email);
    await signInOnThePage(email);
    await member.goTo('Settings');
    const section = deleteSection();
    await section.getByLabel('Your password').fill(PASSWORD);
    await section.getByRole('checkbox', { name: 'I understand that this deletes my account and cannot be undone' }).check();
    const token = await page.evaluate(() => sessionStorage.getItem('lantern.member.token'));
    await section.getByRole('button', { name: 'Delete my account' }).click();

    await member.heading('Your account is deleted').waitFor();
    await expectAccessible(page, 'account-deleted');
    await screenshot(page, '50-member-account-deleted');
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await expect(page.getByRole('navigation', { name: 'Main' }).count()).resolves.toBe(0);
    await expect(gql('{ me { role } }', {}, token!)).rejects.toThrow(/UNAUTHENTICATED/);
    await expect(signIn(email, PASSWORD)).rejects.toThrow(/UNAUTHENTICATED/);
    const { member: erased } = await gql<{ member: { erasedAt: string | null; pseudonym: string } }>('query ($id: ID!) { member(id: $id) { erasedAt pseudonym } }', { id: memberId }, cw);
    expect(erased.erasedAt).not.toBeNull();
    expect(erased.pseudonym).not.toBe('Sam');
  });

  it('under a legal hold: nothing is erased, the request is recorded for staff, and the member is told', async () => {
    const email = `e2e.held.${RUN}@example.org`;
    const memberId = await registered(email);
    await gql('mutation ($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) { id } }', { input: { target: 'MEMBER', id: memberId, reason: 'E2E: an investigation reference' } }, cw);
    await signInOnThePage(email);
    await member.goTo('Settings');
    const section = deleteSection();
    await section.getByLabel('Your password').fill(PASSWORD);
    await section.getByRole('checkbox', { name: 'I understand that this deletes my account and cannot be undone' }).check();
    await section.getByRole('button', { name: 'Delete my account' }).click();
    await section.getByRole('status').getByText(/We cannot delete your account yet/).waitFor();
    await expectAccessible(page, 'settings-delete-held');
    // Still signed in, nothing erased; the request waits for the hold to end.
    await member.heading('My areas and settings').waitFor();
    const token = await page.evaluate(() => sessionStorage.getItem('lantern.member.token'));
    expect((await gql('{ me { role } }', {}, token!)).me.role).toBe('MEMBER');
    const { erasureRequests } = await gql<{ erasureRequests: { nodes: { memberId: string; requestedByRole: string }[] } }>(
      '{ erasureRequests(filter: { status: PENDING }) { nodes { memberId requestedByRole } } }',
      {},
      cw,
    );
    expect(erasureRequests.nodes).toContainEqual({ memberId, requestedByRole: 'MEMBER' });
    expect((await gql('query ($id: ID!) { member(id: $id) { erasedAt } }', { id: memberId }, cw)).member.erasedAt).toBeNull();
  });

  it('made no request to any other origin, and broke no rule of its Content-Security-Policy', () => {
    expect(offOrigin).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
