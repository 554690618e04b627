import { useState } from 'react';
import { api } from '../../api/client';
import type { Department } from '../../api/types';
import { TextField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { requireFields } from '../../components/validation';
import { useSubmit } from '../../hooks/useSubmit';
import { useT } from '../../i18n';
import type { DeptNode } from './tree';

interface TreeProps {
  nodes: DeptNode[];
  manage: boolean;
  onRenamed: () => void;
  onDelete: (dept: Department) => void;
}

/** Departments as nested lists (the structure is conveyed by list nesting). */
export function DepartmentTree({ nodes, manage, onRenamed, onDelete }: TreeProps) {
  const t = useT();
  return (
    <ul className="dept-tree" aria-label={t('organisation.departmentTree')}>
      {nodes.map((n) => (
        <DepartmentItem key={n.dept.id} node={n} manage={manage} onRenamed={onRenamed} onDelete={onDelete} />
      ))}
    </ul>
  );
}

interface ItemProps {
  node: DeptNode;
  manage: boolean;
  onRenamed: () => void;
  onDelete: (dept: Department) => void;
}

function DepartmentItem({ node, manage, onRenamed, onDelete }: ItemProps) {
  const t = useT();
  const { dept } = node;
  const [editing, setEditing] = useState(false);

  return (
    <li className="dept-tree__item">
      <div className="dept-tree__row">
        {editing ? (
          <RenameForm
            dept={dept}
            onDone={(renamed) => {
              setEditing(false);
              if (renamed) onRenamed();
            }}
          />
        ) : (
          <>
            <span className="dept-tree__name">{dept.name}</span>
            {manage && (
              <span className="dept-tree__actions">
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setEditing(true)}
                  aria-label={t('organisation.renameAction', {
                    name: dept.name,
                  })}
                >
                  {t('common.rename')}
                </button>
                <button
                  type="button"
                  className="button button--ghost-danger button--small"
                  onClick={() => onDelete(dept)}
                  aria-label={t('organisation.deleteAction', {
                    name: dept.name,
                  })}
                >
                  {t('common.delete')}
                </button>
              </span>
            )}
          </>
        )}
      </div>
      {node.children.length > 0 && (
        <ul className="dept-tree__children">
          {node.children.map((c) => (
            <DepartmentItem key={c.dept.id} node={c} manage={manage} onRenamed={onRenamed} onDelete={onDelete} />
          ))}
        </ul>
      )}
    </li>
  );
}

function RenameForm({ dept, onDone }: { dept: Department; onDone: (renamed: boolean) => void }) {
  const t = useT();
  const form = useSubmit();
  const [name, setName] = useState(dept.name);

  const submit = async () => {
    if (name.trim() === dept.name) return onDone(false);
    await api.patch<Department>(`/departments/${encodeURIComponent(dept.id)}`, {
      name: name.trim(),
    });
    onDone(true);
  };

  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={(e) => void form.handle(e, submit, () => requireFields(t, { name }))}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone(false);
      }}
    >
      <FormError error={form.error} />
      <TextField
        label={t('organisation.renameLabel', { name: dept.name })}
        value={name}
        onValueChange={setName}
        error={form.fieldErrors.name}
        autoFocus
        required
      />
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={form.busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
