// Files attached to an opinion: picked (several at once), listed with their sizes and removable; a file
// over the server's limit is refused here with the limit named, before anything is sent.
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { formatBytes } from '../compliance/AreaFigures';

interface Props {
  files: File[];
  onFiles: (files: File[]) => void;
  maxBytes: number;
  maxFiles: number;
  disabled: boolean;
}

export function AttachmentPicker({ files, onFiles, maxBytes, maxFiles, disabled }: Props) {
  const { t } = useI18n();
  const [refused, setRefused] = useState<string[]>([]);
  const add = (picked: FileList | null) => {
    const all = [...(picked ?? [])];
    const tooLarge = all.filter((f) => f.size > maxBytes);
    const kept = [...files, ...all.filter((f) => f.size <= maxBytes)];
    const messages = tooLarge.map((f) =>
      t('projects.form.fileTooLarge', {
        name: f.name,
        size: formatBytes(f.size),
        limit: formatBytes(maxBytes),
      }),
    );
    if (kept.length > maxFiles) messages.push(t('projects.form.tooManyFiles', { count: maxFiles }));
    setRefused(messages);
    onFiles(kept.slice(0, maxFiles));
  };
  return (
    <div className="ob-projects-attachments" data-testid="opinion-attachments">
      <p className="ob-projects-attachments-label">
        {t('projects.form.attachments', { limit: formatBytes(maxBytes) })}
      </p>
      {/* the browser's own file button speaks the browser's language: a labelled button of ours instead */}
      <label
        className={`ob-button ob-projects-file-button${disabled ? ' ob-projects-file-button-disabled' : ''}`}
      >
        {t('projects.form.chooseFiles')}
        <input
          type="file"
          multiple
          className="ob-projects-visually-hidden"
          disabled={disabled}
          data-testid="opinion-file"
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
      {refused.map((message) => (
        <p key={message} role="alert" className="ob-projects-error-line" data-testid="opinion-file-refused">
          {message}
        </p>
      ))}
      {files.length > 0 && (
        <ul className="ob-projects-list">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              {f.name} <span className="ob-muted">{formatBytes(f.size)}</span>{' '}
              <button
                type="button"
                className="ob-icon-button"
                disabled={disabled}
                aria-label={t('projects.form.removeFile', { name: f.name })}
                onClick={() => onFiles(files.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
