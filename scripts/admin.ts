// `npm run admin -- create-user NAME --role admin [--department CODE] [--display-name TEXT]
//  [--district CODE …]`: creates a user from the command line, the way the first admin of a production
// installation is made (there are no demo users there). The password is read from ADMIN_PASSWORD or
// asked for on the terminal. Also `reset-password NAME` and `list-users`.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { AccountError, createUser, findUserIdByName, listUsers, setPassword } from '../accounts';
import { failCleanly } from './fail-cleanly';
import { openDatabase } from './open-database';

const USAGE =
  'usage: npm run admin -- create-user NAME --role ROLE [--department CODE] [--display-name TEXT] [--district CODE]…\n' +
  '       npm run admin -- reset-password NAME\n' +
  '       npm run admin -- list-users';

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY)
    throw new Error('set ADMIN_PASSWORD, or run this on a terminal to type the password');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question('密码 / password: ')).trim();
  } finally {
    rl.close();
  }
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string', multiple: true },
      department: { type: 'string' },
      'display-name': { type: 'string' },
      district: { type: 'string', multiple: true },
    },
  });
  const [command, name] = positionals;
  if (!command || (command !== 'list-users' && !name)) throw new Error(USAGE);
  const { pool } = await openDatabase(1);
  try {
    if (command === 'list-users') {
      for (const u of await listUsers(pool)) {
        console.log(`${u.username}\t${u.displayName}\t${u.roles.join(',')}\t${u.active ? '' : '(disabled)'}`);
      }
    } else if (command === 'create-user') {
      if (!values.role?.length) throw new Error(`give at least one --role\n${USAGE}`);
      const user = await createUser(pool, {
        username: name as string,
        displayName: values['display-name'] ?? (name as string),
        password: await readPassword(),
        roles: values.role,
        departmentCode: values.department ?? null,
        districts: values.district ?? [],
      });
      console.log(`» created user ${user.username} (${user.roles.join(', ')})`);
    } else if (command === 'reset-password') {
      const id = await findUserIdByName(pool, name as string);
      if (id === undefined) throw new Error(`no user "${name}"`);
      await setPassword(pool, id, await readPassword());
      console.log(`» new password set for ${name}; their sessions were ended`);
    } else {
      throw new Error(USAGE);
    }
  } catch (error) {
    if (error instanceof AccountError) throw new Error(error.message, { cause: error });
    throw error;
  } finally {
    await pool.end();
  }
}

main().catch(failCleanly);
