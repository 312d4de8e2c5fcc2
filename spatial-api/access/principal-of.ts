// The principal of a request, as the authentication middleware left it in res.locals.
import type { Response } from 'express';
import { ANONYMOUS, type Principal } from '../../accounts';

export function principalOf(res: Response): Principal {
  return (res.locals.principal as Principal | undefined) ?? ANONYMOUS;
}

/** How the principal was established: a session cookie, an API key, a signed link, or nothing. */
export function credentialOf(res: Response): 'cookie' | 'api_key' | 'signed_link' | 'none' {
  return (res.locals.credential as 'cookie' | 'api_key' | 'signed_link' | undefined) ?? 'none';
}
