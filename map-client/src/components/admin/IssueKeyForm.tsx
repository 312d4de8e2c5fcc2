// Issuing an API key for a city system: its name, the services it may call (none ticked: all), the layers
// it may read (empty: all) and an expiry date. The server names the field of any problem.
import { useState, type FormEvent } from 'react';
import { issueApiKey, KEY_SERVICES, type ApiKeySummary, type KeyService } from '../../api/admin/apiKeys';
import { useI18n } from '../../i18n/I18nProvider';
import { ApiErrorNotice } from '../ApiErrorNotice';
import { blames, FieldError } from './FieldError';

interface Props {
  onIssued: (issued: ApiKeySummary & { key: string }) => void;
}

export function IssueKeyForm({ onIssued }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [services, setServices] = useState<KeyService[]>([]);
  const [layers, setLayers] = useState('');
  const [expires, setExpires] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const layerCodes = layers
      .split(/[\s,，、]+/)
      .map((code) => code.trim())
      .filter(Boolean);
    try {
      const issued = await issueApiKey({
        name: name.trim(),
        ...(services.length > 0 ? { services } : {}),
        ...(layerCodes.length > 0 ? { layers: layerCodes } : {}),
        // the key works through the whole of its last day
        ...(expires ? { expiresAt: new Date(`${expires}T23:59:59`).toISOString() } : {}),
      });
      setName('');
      setServices([]);
      setLayers('');
      setExpires('');
      onIssued(issued);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const elsewhere =
    error !== null && !['name', 'services', 'layers', 'expiresAt'].some((f) => blames(error, f));
  return (
    <form className="ob-form ob-admin-form" data-testid="key-issue-form" onSubmit={(e) => void submit(e)}>
      <h4>{t('admin.keys.issueTitle')}</h4>
      <div className="ob-form-grid">
        <label className="ob-field">
          <span>{t('admin.keys.name')}</span>
          <input
            value={name}
            required
            placeholder={t('admin.keys.namePlaceholder')}
            aria-invalid={blames(error, 'name') || undefined}
            data-testid="key-name"
            onChange={(event) => setName(event.target.value)}
          />
          <FieldError error={error} field="name" />
        </label>
        <label className="ob-field">
          <span>{t('admin.keys.layers')}</span>
          <input
            value={layers}
            spellCheck={false}
            placeholder={t('admin.keys.layersPlaceholder')}
            aria-invalid={blames(error, 'layers') || undefined}
            data-testid="key-layers"
            onChange={(event) => setLayers(event.target.value)}
          />
          <FieldError error={error} field="layers" />
        </label>
        <label className="ob-field">
          <span>{t('admin.keys.expires')}</span>
          <input
            type="date"
            value={expires}
            aria-invalid={blames(error, 'expiresAt') || undefined}
            data-testid="key-expires"
            onChange={(event) => setExpires(event.target.value)}
          />
          <small className="ob-muted">{t('admin.keys.expiresHint')}</small>
          <FieldError error={error} field="expiresAt" />
        </label>
      </div>
      <fieldset className="ob-admin-roles">
        <legend>{t('admin.keys.services')}</legend>
        {KEY_SERVICES.map((service) => (
          <label key={service} className="ob-admin-check">
            <input
              type="checkbox"
              checked={services.includes(service)}
              data-testid={`key-service-${service}`}
              onChange={(event) =>
                setServices((current) =>
                  event.target.checked ? [...current, service] : current.filter((s) => s !== service),
                )
              }
            />
            <span className="ob-code">{service}</span>
          </label>
        ))}
        <small className="ob-muted">{t('admin.keys.servicesHint')}</small>
        <FieldError error={error} field="services" />
      </fieldset>
      {elsewhere && <ApiErrorNotice error={error} title={t('admin.keys.issueFailed')} />}
      <div className="ob-form-actions">
        <button type="submit" className="ob-button ob-button-primary" disabled={busy} data-testid="key-issue">
          {busy ? t('admin.saving') : t('admin.keys.issue')}
        </button>
      </div>
    </form>
  );
}
