// "新建图层": creates an empty layer (code, name, kind, geometry type). The server checks the input;
// its message, error code and the field it named are shown next to the form.
import { useState, type FormEvent } from 'react';
import { createLayer } from '../api/layers';
import {
  GEOMETRY_TYPES,
  LAYER_KINDS,
  type GeometryType,
  type LayerKind,
  type LayerSummary,
} from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { kindMessageKey } from '../i18n/messages';
import { ApiErrorNotice } from './ApiErrorNotice';
import { geometryLabel } from './catalogLabels';
import { describeError } from './describeError';

interface Props {
  onCreated: (layer: LayerSummary) => void;
}

export function CreateLayerForm({ onCreated }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<LayerKind>('plan');
  const [geometryType, setGeometryType] = useState<GeometryType>('MultiPolygon');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const blamed = error === null ? null : describeError(error).parameter;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const layer = await createLayer({ code: code.trim(), name: name.trim(), kind, geometryType });
      onCreated(layer);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ob-form" data-testid="create-layer-form" onSubmit={(event) => void submit(event)}>
      <p className="ob-muted">{t('create.intro')}</p>
      <div className="ob-form-grid">
        <label className="ob-field">
          <span>{t('create.code')}</span>
          <input
            name="code"
            value={code}
            required
            autoComplete="off"
            spellCheck={false}
            placeholder={t('create.codePlaceholder')}
            aria-invalid={blamed === 'code' || undefined}
            aria-describedby="create-layer-code-hint"
            data-testid="create-layer-code"
            onChange={(event) => setCode(event.target.value)}
          />
          <small id="create-layer-code-hint" className="ob-muted">
            {t('create.codeHint')}
          </small>
        </label>
        <label className="ob-field">
          <span>{t('create.name')}</span>
          <input
            name="name"
            value={name}
            required
            aria-invalid={blamed === 'name' || undefined}
            data-testid="create-layer-name"
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label className="ob-field">
          <span>{t('create.kind')}</span>
          <select
            name="kind"
            value={kind}
            aria-invalid={blamed === 'kind' || undefined}
            data-testid="create-layer-kind"
            onChange={(event) => setKind(event.target.value as LayerKind)}
          >
            {LAYER_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(kindMessageKey(option))}
              </option>
            ))}
          </select>
        </label>
        <label className="ob-field">
          <span>{t('create.geometry')}</span>
          <select
            name="geometryType"
            value={geometryType}
            aria-invalid={blamed === 'geometryType' || undefined}
            data-testid="create-layer-geometry"
            onChange={(event) => setGeometryType(event.target.value as GeometryType)}
          >
            {GEOMETRY_TYPES.map((option) => (
              <option key={option} value={option}>
                {geometryLabel(option, i18n) === option
                  ? option
                  : `${geometryLabel(option, i18n)} (${option})`}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error !== null && (
        <ApiErrorNotice error={error} title={t('create.failed')} testId="create-layer-error" />
      )}
      <div className="ob-form-actions">
        <button
          type="submit"
          className="ob-button ob-button-primary"
          disabled={busy}
          data-testid="create-layer-submit"
        >
          {busy ? t('create.submitting') : t('create.submit')}
        </button>
      </div>
    </form>
  );
}
