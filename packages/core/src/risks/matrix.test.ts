import { describe, expect, it } from 'vitest';
import {
  checkResidual,
  DEFAULT_RISK_MATRIX,
  isOnMatrix,
  type RiskMatrix,
  rateRisk,
  rerate,
  rescaleStep,
  riskScore,
  stepOf,
  validateMatrix,
} from './matrix.js';

const steps = (...labels: string[]) => labels.map((label) => ({ label }));
const three: RiskMatrix = {
  likelihood: steps('Low', 'Medium', 'High'),
  impact: steps('Small', 'Serious', 'Grave'),
  bands: [
    { key: 'green', label: 'Acceptable', minScore: 1 },
    { key: 'amber', label: 'Watch', minScore: 3 },
    { key: 'red', label: 'Act now', minScore: 6 },
  ],
};

describe('risk matrix', () => {
  it('ships a valid 5×5 default with plain labels and four bands', () => {
    expect(validateMatrix(DEFAULT_RISK_MATRIX)).toEqual([]);
    expect(DEFAULT_RISK_MATRIX.likelihood.map((s) => s.label)).toEqual(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']);
    expect(DEFAULT_RISK_MATRIX.bands.map((b) => b.key)).toEqual(['low', 'medium', 'high', 'critical']);
    for (const s of [...DEFAULT_RISK_MATRIX.likelihood, ...DEFAULT_RISK_MATRIX.impact]) expect(s.description?.length).toBeGreaterThan(10);
  });

  it('scores likelihood × impact and rates by thresholds', () => {
    expect(riskScore(4, 5)).toBe(20);
    const m = DEFAULT_RISK_MATRIX;
    expect(rateRisk(m, 1, 1).key).toBe('low');
    expect(rateRisk(m, 2, 2).key).toBe('low');
    expect(rateRisk(m, 1, 5).key).toBe('medium');
    expect(rateRisk(m, 3, 3).key).toBe('medium');
    expect(rateRisk(m, 2, 5).key).toBe('high');
    expect(rateRisk(m, 3, 5).key).toBe('high');
    expect(rateRisk(m, 4, 4).key).toBe('critical');
    expect(rateRisk(m, 5, 5).key).toBe('critical');
    expect(rateRisk(three, 1, 2).key).toBe('green');
    expect(rateRisk(three, 3, 1).key).toBe('amber');
    expect(rateRisk(three, 3, 2).key).toBe('red');
    expect(() => rateRisk(three, 4, 1)).toThrow(RangeError);
    expect(isOnMatrix(three, 3, 3)).toBe(true);
    expect(isOnMatrix(three, 0, 3)).toBe(false);
    expect(isOnMatrix(three, 2.5, 1)).toBe(false);
    expect(isOnMatrix(DEFAULT_RISK_MATRIX, 5, 5)).toBe(true);
  });

  it('rates from a cell table when the city draws its matrix cell by cell', () => {
    const cells: RiskMatrix = {
      ...three,
      cells: [
        ['green', 'green', 'amber'],
        ['green', 'amber', 'red'],
        ['amber', 'red', 'red'],
      ],
    };
    expect(validateMatrix(cells)).toEqual([]);
    expect(rateRisk(cells, 1, 3).key).toBe('amber'); // score 3 but the table says amber at rare × grave
    expect(rateRisk(cells, 2, 3).key).toBe('red');
    expect(rateRisk(cells, 3, 1).key).toBe('amber');
  });

  it('refuses wrong sizes, empty or repeated labels and non-monotonic bands', () => {
    const paths = (m: RiskMatrix) => validateMatrix(m).map((p) => p.path);
    expect(paths({ ...three, likelihood: steps('a', 'b') })).toEqual(['likelihood']);
    expect(paths({ ...three, impact: steps('a', 'b', 'c', 'd', 'e', 'f') })).toContain('impact');
    expect(paths({ ...three, impact: steps('a', ' ', 'A') })).toEqual(['impact.1.label', 'impact.2.label']);
    expect(paths({ ...three, bands: [{ key: 'x', label: 'X', minScore: 1 }] })).toEqual(['bands']);
    expect(paths({ ...three, bands: [three.bands[0], { key: 'amber', label: 'A', minScore: 1 }] as RiskMatrix['bands'] })).toEqual([
      'bands.1.minScore',
    ]);
    expect(
      paths({
        ...three,
        bands: [
          { key: 'a', label: 'A', minScore: 2 },
          { key: 'b', label: 'B', minScore: 4 },
        ],
      }),
    ).toEqual(['bands.0.minScore']);
    expect(
      paths({
        ...three,
        bands: [
          { key: 'a', label: 'A', minScore: 1 },
          { key: 'b', label: 'B', minScore: 10 },
        ],
      }),
    ).toEqual(['bands.1.minScore']);
    expect(
      paths({
        ...three,
        bands: [
          { key: 'a', label: 'A', minScore: 1 },
          { key: 'a', label: 'B', minScore: 4 },
        ],
      }),
    ).toEqual(['bands.1.key']);
    const table = (cells: string[][]) => paths({ ...three, cells });
    expect(table([['green', 'green', 'green']])).toEqual(['cells']);
    expect(
      table([
        ['green', 'blue', 'green'],
        ['green', 'green', 'green'],
        ['green', 'green', 'green'],
      ]),
    ).toEqual(['cells.0.1']);
    // A more likely cell rated lower than its neighbour, and a more harmful one lower than below it.
    expect(
      table([
        ['green', 'amber', 'green'],
        ['green', 'amber', 'amber'],
        ['green', 'red', 'red'],
      ]),
    ).toEqual(['cells.0.2']);
    expect(
      table([
        ['green', 'amber', 'red'],
        ['green', 'green', 'red'],
        ['amber', 'amber', 'red'],
      ]),
    ).toEqual(['cells.1.1']);
  });

  it('keeps residual risk at or below inherent risk', () => {
    expect(checkResidual({ likelihood: 4, impact: 4 }, { likelihood: 2, impact: 4 })).toEqual([]);
    expect(checkResidual({ likelihood: 2, impact: 4 }, { likelihood: 3, impact: 5 }).map((p) => p.path)).toEqual([
      'residual.likelihood',
      'residual.impact',
    ]);
  });

  it('rescales steps between axes of different sizes, ends staying ends', () => {
    expect([1, 2, 3, 4, 5].map((v) => rescaleStep(v, 5, 3))).toEqual([1, 2, 2, 3, 3]);
    expect([1, 2, 3].map((v) => rescaleStep(v, 3, 5))).toEqual([1, 3, 5]);
    expect([1, 2, 3, 4].map((v) => rescaleStep(v, 4, 4))).toEqual([1, 2, 3, 4]);
    expect(stepOf(0, 5)).toBe(1);
    expect(stepOf(0.5, 5)).toBe(3);
    expect(stepOf(1, 3)).toBe(3);
    expect(stepOf(0.75, 5)).toBe(4);
  });

  it('re-rates a scenario on a new matrix and keeps residual ≤ inherent', () => {
    const r = rerate(DEFAULT_RISK_MATRIX, three, { inherentLikelihood: 4, inherentImpact: 5, residualLikelihood: 2, residualImpact: 3 });
    expect(r.inherent).toEqual({ likelihood: 3, impact: 3, score: 9, rating: 'red' });
    expect(r.residual).toEqual({ likelihood: 2, impact: 2, score: 4, rating: 'amber' });
    expect(r.rescaled).toBe(true);
    const same = rerate(
      DEFAULT_RISK_MATRIX,
      {
        ...DEFAULT_RISK_MATRIX,
        bands: [
          { key: 'ok', label: 'OK', minScore: 1 },
          { key: 'bad', label: 'Bad', minScore: 12 },
        ],
      },
      {
        inherentLikelihood: 3,
        inherentImpact: 4,
        residualLikelihood: 2,
        residualImpact: 4,
      },
    );
    expect(same.rescaled).toBe(false);
    expect(same.inherent.rating).toBe('bad');
    expect(same.residual.rating).toBe('ok');
  });
});
