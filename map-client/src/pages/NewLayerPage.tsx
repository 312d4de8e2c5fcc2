// The new-layer page (route "/new-layer", holders of layers.manage only): the form that creates an empty
// layer, then its page for the first upload. Its own route (not "/layers/new", which a layer coded "new"
// would own) so that opening it anonymously leads to the login page and back.
import { Link, useNavigate } from 'react-router';
import { ContentPage } from '../components/ContentPage';
import { CreateLayerForm } from '../components/CreateLayerForm';
import { useI18n } from '../i18n/I18nProvider';
import { MANAGE_LAYERS } from '../session/canManageLayer';
import { RequireSession } from '../session/RequireSession';

export function NewLayerPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <ContentPage>
      <Link to="/layers">{t('layer.back')}</Link>
      <RequireSession permission={MANAGE_LAYERS}>
        <section className="ob-section" aria-labelledby="create-heading">
          <h2 id="create-heading" className="ob-page-title">
            {t('create.heading')}
          </h2>
          <CreateLayerForm onCreated={(layer) => navigate(`/layers/${encodeURIComponent(layer.code)}`)} />
        </section>
      </RequireSession>
    </ContentPage>
  );
}
