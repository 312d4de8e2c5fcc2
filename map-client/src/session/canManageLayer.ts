// Whether to offer a user the changes of a layer (upload, rollback, edit, delete): the layers.manage
// permission, and for a user limited to some districts only a layer of one of them, as the server's access
// check decides (it stays the authority; this only keeps buttons away that would be refused).
import type { LayerSummary } from '../api/types';
import type { Session } from './SessionProvider';

export const MANAGE_LAYERS = 'layers.manage';

export function canManageLayer(session: Session, layer: Pick<LayerSummary, 'districtCode'>): boolean {
  if (!session.user || !session.can(MANAGE_LAYERS)) return false;
  const districts = session.user.districts;
  return districts.length === 0 || (layer.districtCode !== null && districts.includes(layer.districtCode));
}

/**
 * A key that changes when the signed-in user does, for data whose answer depends on who asks (the catalog
 * lists only the layers the caller may read); null while the session is still loading.
 */
export function sessionKey(session: Session): string | null {
  if (session.status === 'loading') return null;
  return session.user ? `user:${session.user.id}` : 'anonymous';
}
