/** OSCAL engine: typed model, profile resolution, schema validation, file loading. */
export { type CompareOptions, findFirstDifference, type JsonDifference } from './compare.js';
export { OscalError, type OscalErrorCode, type ResolutionWarning, type ResolutionWarningCode } from './errors.js';
export { createFileLoader, type FileLoaderOptions, readOscalJsonFile } from './file-loader.js';
export { RESOLUTION_TOOL } from './finish.js';
export { decodeBase64Text, findResource, fragmentOf, isNetworkHref, jsonRlinks } from './hrefs.js';
export * from './model.js';
export {
  type LoadedDocument,
  type LoaderContext,
  type OscalLoader,
  type ResolutionResult,
  type ResolveOptions,
  resolveProfile,
} from './resolve-profile.js';
export {
  type OscalValidationError,
  type OscalValidationResult,
  preloadOscalSchemas,
  type ValidateOptions,
  validateOscal,
} from './validate.js';
export {
  chooseSchemaVersion,
  LATEST_OSCAL_VERSION,
  parseOscalVersion,
  type SchemaVersionChoice,
  SUPPORTED_OSCAL_VERSIONS,
  type SupportedOscalVersion,
} from './versions.js';
