import { signToken, verifiedTokenCount, verifyToken } from './token';

const SECRET = 'a'.repeat(48);
const OTHER = 'b'.repeat(48);
const claims = { sub: '6f1b5363-538b-2a1e-035f-e09bb1fce4de', tv: 3 };

describe('verifyToken', () => {
  it('accepts a valid token, and again from what it kept, with the same claims', async () => {
    const { token } = await signToken(claims, SECRET, 600);
    expect(await verifyToken(token, SECRET)).toEqual(claims);
    const kept = verifiedTokenCount();
    const again = await verifyToken(token, SECRET);
    expect(again).toEqual(claims);
    expect(verifiedTokenCount()).toBe(kept);
    // A caller changing its copy changes nothing for the next one.
    again!.tv = 99;
    expect(await verifyToken(token, SECRET)).toEqual(claims);
  });

  it('refuses a kept token under another secret', async () => {
    const { token } = await signToken(claims, SECRET, 600);
    expect(await verifyToken(token, SECRET)).toEqual(claims);
    expect(await verifyToken(token, OTHER)).toBeNull();
  });

  it('refuses a tampered token, even when the original was kept', async () => {
    const { token } = await signToken(claims, SECRET, 600);
    expect(await verifyToken(token, SECRET)).toEqual(claims);
    const [head, , sig] = token.split('.');
    const forged = `${head}.${Buffer.from(JSON.stringify({ ...claims, tv: 4, iss: 'lantern', aud: 'lantern-api', exp: 4102444800 })).toString('base64url')}.${sig}`;
    expect(await verifyToken(forged, SECRET)).toBeNull();
    expect(await verifyToken(`${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`, SECRET)).toBeNull();
  });

  it('refuses a kept token once it has expired', async () => {
    const { token } = await signToken(claims, SECRET, 2, new Date(Date.now() - 1000));
    expect(await verifyToken(token, SECRET)).toEqual(claims);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await verifyToken(token, SECRET)).toBeNull();
  });

  it('refuses an expired token it never saw', async () => {
    const { token } = await signToken(claims, SECRET, 60, new Date(Date.now() - 120_000));
    expect(await verifyToken(token, SECRET)).toBeNull();
  });
});
