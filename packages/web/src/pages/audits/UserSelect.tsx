import { useState } from 'react';
import { api } from '../../api/client';
import type { Page, User } from '../../api/types';
import { type Option, SelectField, TextField } from '../../components/Field';
import { useApi } from '../../hooks/useApi';
import { useDebounced } from '../../hooks/useDebounced';
import { useT } from '../../i18n';

const LIMIT = 100;

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Only people this accepts are offered (e.g. those whose role may audit). */
  accept?: (user: User) => boolean;
  /** The label of the empty choice; without it a person must be chosen. */
  emptyLabel?: string;
  /** Name of the person chosen now, when the search does not list them. */
  currentName?: string | null;
  error?: string | undefined;
  hint?: string;
  disabled?: boolean;
  /** Extra text after each person's name (e.g. their role). */
  describe?: (user: User) => string;
}

/**
 * A person of the organisation: a search box (GET /users?q=) narrows the active people listed in
 * the select below it.
 */
export function UserSelect({ label, value, onChange, accept, emptyLabel, currentName, error, hint, disabled, describe }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const res = useApi((signal) => api.get<Page<User>>('/users', { q, pageSize: LIMIT, kind: 'person' }, { signal }), `users|${q}`);
  const found = (res.data?.items ?? []).filter((u) => u.status === 'active' && (accept ? accept(u) : true));
  const options: Option[] = [{ value: '', label: emptyLabel ?? t('audits.users.choose') }];
  if (value && !found.some((u) => u.id === value)) options.push({ value, label: currentName ?? t('audits.users.someone') });
  for (const u of found) {
    const extra = describe?.(u);
    options.push({ value: u.id, label: extra ? `${u.name} (${u.email}) · ${extra}` : `${u.name} (${u.email})` });
  }
  return (
    <div className="user-select">
      <TextField
        label={t('audits.users.find', { label })}
        type="search"
        value={search}
        onValueChange={setSearch}
        autoComplete="off"
        disabled={disabled}
      />
      <SelectField
        label={label}
        value={value}
        onValueChange={onChange}
        options={options}
        error={error ?? (res.error ? t('audits.users.loadFailed') : undefined)}
        hint={found.length === 0 && res.data ? (q ? t('audits.users.noMatch', { q }) : t('audits.users.none')) : hint}
        disabled={disabled}
        aria-busy={res.loading}
      />
    </div>
  );
}
