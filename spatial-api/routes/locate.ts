// GET /api/v1/locate?q=: districts and place names for the workbench's locate box, from the layers the
// caller may read (projects are searched through /api/v1/projects?q=).
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { z } from 'zod';
import { searchPlaceNames } from '../../locate';
import { principalOf } from '../access/principal-of';
import { parseInput } from '../request-body';

const query = z.object({
  q: z.string({ message: '请输入要查找的地名 / give the text to look for' }).trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export function locateHandler(pool: Pool): RequestHandler {
  return async (req, res) => {
    const q = parseInput(query, req.query);
    const places = await searchPlaceNames(pool, principalOf(res), q.q, q.limit);
    res.json({ query: q.q, places });
  };
}
