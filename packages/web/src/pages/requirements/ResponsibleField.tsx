import { useState } from 'react';
import { api } from '../../api/client';
import type { Page, User } from '../../api/types';
import { useAuth, useMe } from '../../auth/AuthContext';
import { type Option, SelectField, TextField } from '../../components/Field';
import { useApi } from '../../hooks/useApi';
import { useDebounced } from '../../hooks/useDebounced';
import { useT } from '../../i18n';

/** Value of the "leave as it is" choice in bulk edits. */
export const KEEP = 'keep';
const LIMIT = 50;

interface Props {
  label: string;
  /** A user id, '' for nobody, or KEEP. */
  value: string;
  onChange: (value: string) => void;
  /** Name of the person currently chosen, when they are not in the list. */
  currentName?: string | null;
  /** Offer "leave as it is" (bulk edits). */
  keep?: boolean;
  error?: string;
  disabled?: boolean;
}

/**
 * The responsible person. With users:read a search box narrows a list of the organisation's active
 * users (GET /users?q=); without it the choice is yourself or nobody (plus whoever is set now).
 */
export function ResponsibleField({ label, value, onChange, currentName, keep = false, error, disabled }: Props) {
  const t = useT();
  const { can } = useAuth();
  const me = useMe();
  const mayList = can('users:read');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const users = useApi(
    (signal) =>
      mayList
        ? api.get<Page<User>>('/users', { q, pageSize: LIMIT, kind: 'person' }, { signal })
        : Promise.resolve<Page<User> | undefined>(undefined),
    `${mayList}|${q}`,
  );
  const found = (users.data?.items ?? []).filter((u) => u.status === 'active');

  const options: Option[] = [];
  if (keep) options.push({ value: KEEP, label: t('requirements.responsible.keep') });
  options.push({ value: '', label: t('requirements.responsible.nobody') });
  options.push({ value: me.id, label: t('requirements.responsible.me', { name: me.name }) });
  if (value && value !== KEEP && value !== me.id && !found.some((u) => u.id === value)) {
    options.push({ value, label: currentName ?? t('requirements.responsible.someone') });
  }
  for (const u of found) if (u.id !== me.id) options.push({ value: u.id, label: `${u.name} (${u.email})` });

  return (
    <div className={mayList ? 'responsible-field responsible-field--search' : 'responsible-field'}>
      {mayList && (
        <TextField
          label={t('requirements.responsible.find')}
          type="search"
          value={search}
          onValueChange={setSearch}
          autoComplete="off"
          disabled={disabled}
        />
      )}
      <SelectField
        label={label}
        value={value}
        onValueChange={onChange}
        options={options}
        error={error}
        disabled={disabled}
        aria-busy={users.loading}
        hint={!mayList ? t('requirements.responsible.onlyMe') : undefined}
      />
    </div>
  );
}
