/**
 * Creates the first administrator of a deployment (production has no demo accounts):
 *   node server/dist/scripts/create-admin.js --email admin@charity.example --name "Ada Admin"
 * The password is read from standard input (typed, or piped), never from the command line.
 * Uses DATABASE_URL, or the embedded PostgreSQL under LANTERN_DATA_DIR, like the server.
 */
import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { validate } from 'class-validator';
import { loadConfig } from '../config';
import { connectDatabase, prepareDatabase } from '../db/database';
import { normaliseEmail } from '../modules/auth/auth.service';
import { hashPassword } from '../modules/auth/password';
import { User } from '../modules/user/user.entity';
import { CreateUserInput } from '../modules/user/user.inputs';
import { Role } from '../policy/roles';

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stdout.write('Password (at least 12 characters): ');
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  const input = Object.assign(new CreateUserInput(), {
    email: values.email ?? '',
    name: values.name ?? '',
    role: Role.ADMIN,
    password: await readPassword(),
  });
  const problems = await validate(input);
  if (problems.length > 0) {
    for (const p of problems) console.error(`${p.property}: ${Object.values(p.constraints ?? {}).join(', ')}`);
    console.error('usage: create-admin --email <address> --name <name>   (password on standard input)');
    return 2;
  }
  const config = loadConfig();
  const db = await connectDatabase(config);
  try {
    await prepareDatabase(db.orm, { demo: false });
    const em = db.orm.em.fork();
    const email = normaliseEmail(input.email);
    if (await em.count(User, { email })) {
      console.error('An account with this e-mail address already exists.');
      return 1;
    }
    em.create(User, { email, name: input.name.trim(), role: Role.ADMIN, passwordHash: await hashPassword(input.password) });
    await em.flush();
    // The operator typed the address; it is not echoed back (terminals and CI logs keep output).
    console.log("Created the administrator account.");
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
