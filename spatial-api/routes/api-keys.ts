// API keys of city systems, for admins: issue (the key is shown once), list, revoke.
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import { issueApiKey, KEY_SERVICES, listApiKeys, revokeApiKey } from '../../accounts';
import { principalOf } from '../access/principal-of';
import { forbidden } from '../access/access-errors';
import { parseInput } from '../request-body';

const newKey = z
  .object({
    name: z.string().min(1).max(100),
    layers: z
      .array(z.string().regex(/^[a-z][a-z0-9_]{1,62}$/))
      .min(1)
      .max(200)
      .optional(),
    services: z.array(z.enum(KEY_SERVICES)).min(1).optional(),
    expiresAt: z.coerce.date().optional(),
  })
  .strict();

export function issueApiKeyHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const principal = principalOf(res);
    if (principal.kind !== 'user') throw forbidden('只有用户可以签发密钥 / only a user issues keys');
    const body = parseInput(newKey, req.body);
    const issued = await issueApiKey(pool, principal.user.id, {
      name: body.name,
      layers: body.layers ?? null,
      services: body.services ?? null,
      expiresAt: body.expiresAt ?? null,
    });
    res.status(201).json({ ...issued.summary, key: issued.key });
  };
}

export function listApiKeysHandler(pool: Pool): RequestHandler {
  return async (_req, res) => {
    res.json({ apiKeys: await listApiKeys(pool) });
  };
}

export function revokeApiKeyHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const { id } = parseInput(
      z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) }),
      req.params,
    );
    res.json(await revokeApiKey(pool, id));
  };
}
