// Edits a layer's name, description and source (PATCH, only the fields that differ from the layer as
// the server last sent it).
import { useState, type FormEvent } from 'react';
import { updateLayer } from '../api/layers';
import type { LayerPatch, LayerSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { ApiErrorNotice } from './ApiErrorNotice';
import { describeError } from './describeError';

interface Props {
  layer: LayerSummary;
  onSaved: (layer: LayerSummary) => void;
}

export function LayerMetadataForm({ layer, onSaved }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState(layer.name);
  const [description, setDescription] = useState(layer.description);
  const [source, setSource] = useState(layer.source ?? '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const blamed = error === null ? null : describeError(error).parameter;

  const patch: LayerPatch = {};
  if (name.trim() !== layer.name) patch.name = name.trim();
  if (description.trim() !== layer.description) patch.description = description.trim();
  if (source.trim() !== (layer.source ?? '')) patch.source = source.trim() || null;
  const changed = Object.keys(patch).length > 0;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!changed) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const updated = await updateLayer(layer.code, patch);
      setSaved(true);
      onSaved(updated);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const edit = (set: (value: string) => void) => (value: string) => {
    set(value);
    setSaved(false);
  };

  return (
    <form className="ob-form" data-testid="layer-meta-form" onSubmit={(event) => void submit(event)}>
      <label className="ob-field">
        <span>{t('layer.name')}</span>
        <input
          name="name"
          value={name}
          required
          aria-invalid={blamed === 'name' || undefined}
          data-testid="layer-name-input"
          onChange={(event) => edit(setName)(event.target.value)}
        />
      </label>
      <label className="ob-field">
        <span>{t('layer.description')}</span>
        <textarea
          name="description"
          rows={3}
          value={description}
          aria-invalid={blamed === 'description' || undefined}
          data-testid="layer-description-input"
          onChange={(event) => edit(setDescription)(event.target.value)}
        />
      </label>
      <label className="ob-field">
        <span>{t('layer.source')}</span>
        <input
          name="source"
          value={source}
          aria-invalid={blamed === 'source' || undefined}
          data-testid="layer-source-input"
          onChange={(event) => edit(setSource)(event.target.value)}
        />
      </label>
      {error !== null && (
        <ApiErrorNotice error={error} title={t('layer.saveFailed')} testId="layer-meta-error" />
      )}
      <div className="ob-form-actions">
        <button
          type="submit"
          className="ob-button ob-button-primary"
          disabled={busy || !changed}
          data-testid="layer-meta-save"
        >
          {busy ? t('layer.saving') : t('layer.save')}
        </button>
        {saved && (
          <span className="ob-ok-text" role="status" data-testid="layer-meta-saved">
            {t('layer.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
