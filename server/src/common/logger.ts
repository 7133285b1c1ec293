/**
 * A deliberately small structured logger. It takes named, non-personal fields only: never log a
 * request body, variables, e-mail address, name, narrative or any value a user typed.
 */
type Level = 'info' | 'warn' | 'error';
type Fields = Record<string, string | number | boolean | null | undefined>;

let silent = false;

export const logger = {
  silence(value = true) {
    silent = value;
  },
  info: (msg: string, fields: Fields = {}) => write('info', msg, fields),
  warn: (msg: string, fields: Fields = {}) => write('warn', msg, fields),
  error: (msg: string, fields: Fields = {}) => write('error', msg, fields),
};

function write(level: Level, msg: string, fields: Fields): void {
  if (silent) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}
