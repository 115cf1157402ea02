import { describe, expect, it } from 'vitest';
import { PREDICTION_LABELS, predictionStatus, subjectName } from '../../../src/lib/outcomes/prediction-status.ts';

describe('prediction status', () => {
  it('is open until judged, then what happened, never the scenario tone', () => {
    expect(predictionStatus({})).toBe('open');
    expect(predictionStatus({ resolution: { status: 'missed', date: '2027-01-01', note: '' } })).toBe('missed');
    expect(Object.values(PREDICTION_LABELS)).toEqual(['Open', 'Came true', 'Partly', 'Did not']);
  });

  it('names subjects as the articles tag them, or in words', () => {
    expect(subjectName('bytedance', ['capex', 'ByteDance'])).toBe('ByteDance');
    expect(subjectName('china-cloud', ['ByteDance'])).toBe('China cloud');
  });
});
