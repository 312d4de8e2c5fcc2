// GET /api/v1/code-lists: the code lists (2023 land-use classification, control-line types).
import type { RequestHandler } from 'express';
import { CODE_LISTS } from '../../layers';

export const codeListsHandler: RequestHandler = (_req, res) => {
  res.set('Cache-Control', 'public, max-age=3600').json({ codeLists: CODE_LISTS });
};
