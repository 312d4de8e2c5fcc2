// The secret of a key just issued: shown this once (the server keeps only its hash), with a copy button.
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  name: string;
  secret: string;
  onDismiss: () => void;
}

export function IssuedKey({ name, secret, onDismiss }: Props) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // no clipboard (an http page, a refused permission): the text is selectable beside the button
      setCopied('no');
    }
  };
  return (
    <div className="ob-admin-issued" role="status" data-testid="key-issued">
      <strong>{t('admin.keys.issuedTitle', { name })}</strong>
      <p className="ob-muted">{t('admin.keys.issuedOnce')}</p>
      <div className="ob-admin-secret">
        <code data-testid="key-secret">{secret}</code>
        <button type="button" className="ob-button" data-testid="key-copy" onClick={() => void copy()}>
          {t('admin.keys.copy')}
        </button>
        {copied === 'yes' && <span className="ob-ok-text">{t('admin.keys.copied')}</span>}
        {copied === 'no' && <span className="ob-muted">{t('admin.keys.copyFailed')}</span>}
      </div>
      <button type="button" className="ob-link-button" onClick={onDismiss}>
        {t('admin.keys.dismiss')}
      </button>
    </div>
  );
}
