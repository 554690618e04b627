/** Public surface of the built-in CityShield City Baseline (OSCAL catalog and level profiles). */
export {
  buildCityBaselineCatalog,
  buildCityBaselineProfile,
  CITY_BASELINE_CATALOG_FILE,
  CITY_BASELINE_CATALOG_UUID,
  CITY_BASELINE_DOCUMENT_ID,
  CITY_BASELINE_DOCUMENT_ID_SCHEME,
  CITY_BASELINE_LAST_MODIFIED,
  CITY_BASELINE_OSCAL_VERSION,
  CITY_BASELINE_PROFILE_FILES,
  CITY_BASELINE_VERSION,
  cityBaselineCatalogDir,
  levelsUpTo,
  renderCityBaselineFiles,
} from './catalog.js';
export { CITY_BASELINE_GROUPS } from './requirements/index.js';
export * from './types.js';
