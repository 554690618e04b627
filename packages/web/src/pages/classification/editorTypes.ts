import type { FieldErrors } from '../../hooks/useSubmit';
import type { MethodDraft } from './methodDraft';

/** What every part of the method editor gets: the draft, a way to change it, errors by path. */
export interface EditorPartProps {
  draft: MethodDraft;
  /** Applies `change` to a copy of the draft. */
  update: (change: (draft: MethodDraft) => void) => void;
  errors: FieldErrors;
}
