import { useId, useRef, useState } from 'react';
import { useT } from '../i18n';

interface Props {
  value: string;
  label: string;
  testId: string;
}

/**
 * A one-time value with a Copy button (token secrets, invitation links).
 * The value is plain text in the element carrying `data-testid`, so tests can
 * read it with textContent().
 */
export function CopyBox({ value, label, testId }: Props) {
  const t = useT();
  const id = useId();
  const valueRef = useRef<HTMLElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  const selectValue = () => {
    const el = valueRef.current;
    const selection = window.getSelection();
    if (!el || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(el);
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      selectValue();
      setStatus('failed');
    }
  };

  return (
    <div className="copy-box">
      <p className="field__label" id={id}>
        {label}
      </p>
      <div className="copy-box__row">
        <code ref={valueRef} className="copy-box__value" data-testid={testId}>
          {value}
        </code>
        <button type="button" className="button button--secondary" onClick={copy}>
          {t('common.copy')}
        </button>
      </div>
      <p className="copy-box__status" role="status">
        {status === 'copied' ? t('common.copied') : status === 'failed' ? t('common.copyFailed') : ''}
      </p>
    </div>
  );
}
