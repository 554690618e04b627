const enc = encodeURIComponent;

export const RISKS_PATH = '/risks';
export const NEW_RISK_PATH = '/risks/new';
export const RISK_MATRIX_PATH = '/risks/matrix';
export const THREATS_PATH = '/risks/threats';

export const riskPath = (id: string) => `${RISKS_PATH}/${enc(id)}`;
export const riskEditPath = (id: string) => `${riskPath(id)}/edit`;
export const newRiskForSystem = (systemId: string) => `${NEW_RISK_PATH}?systemId=${enc(systemId)}`;
export const RISK_REPORT_URL = '/api/v1/risks/report.pdf';

/** The register's list with the API's own query names, so a heatmap cell or a link lands on that filter. */
export function risksListPath(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams({ view: 'list' });
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return `${RISKS_PATH}?${params.toString()}`;
}
