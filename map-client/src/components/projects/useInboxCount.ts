// How many planning tasks wait for the signed-in user's department, for the header's badge; null while
// unknown or when the count cannot be read (the badge is then left out, the inbox itself says why).
import { fetchInbox } from '../../api/planning';
import { useResource } from '../useResource';

export function useInboxCount(who: string | null): number | null {
  const { resource } = useResource(
    who && `inbox-count:${who}`,
    async (signal) => (await fetchInbox(1, signal)).total,
  );
  return resource.status === 'ready' ? resource.value : null;
}
