// A page loaded on first visit: its module (and what only it imports) is a chunk of its own, fetched when
// the route is opened, with a loading line meanwhile.
import { lazy, Suspense, type ComponentType } from 'react';
import { StatusBanner } from './components/StatusBanner';
import { useI18n } from './i18n/I18nProvider';

function PageLoading() {
  const { t } = useI18n();
  return (
    <StatusBanner tone="info" testId="page-loading">
      {t('common.loading')}
    </StatusBanner>
  );
}

/** `load` imports the page's module; `pick` takes the page component out of it. */
export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ComponentType {
  const Page = lazy(async () => ({ default: pick(await load()) }));
  return function LazyPage() {
    return (
      <Suspense fallback={<PageLoading />}>
        <Page />
      </Suspense>
    );
  };
}
