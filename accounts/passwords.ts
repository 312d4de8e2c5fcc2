// Password hashing (argon2id, with the library's defaults: 64 MiB, 3 passes) and the password rule.
import argon2 from 'argon2';
import { AccountError } from './account-error';

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    // as slow as a real check, so that a missing account cannot be told by the time it takes
    await argon2.hash(password, { type: argon2.argon2id });
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Refuses a password that is too short or too plain. */
export function checkPasswordRule(password: string, parameter = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
    throw new AccountError(
      'invalid',
      'weak_password',
      `密码长度须为${MIN_PASSWORD_LENGTH}到200个字符 / a password has ${MIN_PASSWORD_LENGTH} to 200 characters`,
      { parameter },
    );
  }
  if (/^(.)\1*$/.test(password) || !/\D/.test(password)) {
    throw new AccountError('invalid', 'weak_password', '密码过于简单 / the password is too plain', {
      parameter,
    });
  }
}
