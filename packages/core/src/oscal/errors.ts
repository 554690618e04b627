/**
 * Errors and warnings of OSCAL profile resolution and loading. Resolution stops on an error
 * (the OSCAL profile-resolution specification requires a tool to "cease processing" when an
 * import cannot be acquired or is circular) and reports conditions it can work around as
 * warnings, so an importing UI can show both.
 */

export type OscalErrorCode =
  /** A profile imports itself, directly or through other profiles. */
  | 'circular-import'
  /** An import href could not be turned into a document (no mapping, no such resource/file). */
  | 'unresolvable-href'
  /** An http(s) href without a local mapping: the engine never fetches over the network. */
  | 'network-href'
  /** The loaded document is not JSON, not OSCAL, or not a catalog/profile where one is needed. */
  | 'invalid-document'
  /** The profile is self-contradictory (e.g. two structuring directives in `merge`). */
  | 'invalid-profile'
  /** Imported documents use an OSCAL major version other than the profile's. */
  | 'version-mismatch'
  /** A file is larger than the configured limit. */
  | 'too-large';

export class OscalError extends Error {
  readonly code: OscalErrorCode;
  /** The href being resolved, when the error concerns one. */
  readonly href: string | undefined;
  /** Locations of the profiles being resolved, outermost first. */
  readonly chain: readonly string[];

  constructor(code: OscalErrorCode, message: string, details: { href?: string; chain?: readonly string[]; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'OscalError';
    this.code = code;
    this.href = details.href;
    this.chain = details.chain ?? [];
  }
}

export type ResolutionWarningCode =
  | 'duplicate-control'
  | 'unmatched-selection'
  | 'unused-control'
  | 'unmatched-set-parameter'
  | 'unmatched-alter'
  | 'inoperative-add'
  | 'inoperative-remove'
  | 'merge-deprecated';

export interface ResolutionWarning {
  code: ResolutionWarningCode;
  message: string;
}
