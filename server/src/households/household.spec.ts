import { FieldsError } from '../common/domain-error';
import { isEuroAmount, MAX_ISEE_EUR } from './dto/household.dto';
import type { Household } from './household.entity';
import { toHouseholdRecord } from './household.record';
import { checkedAssessment } from './households.service';

describe('households', () => {
  it.each([0, 9360, 9360.1, 8450.55, 0.07, MAX_ISEE_EUR])('accepts %p euros', (value) => {
    expect(isEuroAmount(value)).toBe(true);
  });

  it.each([-0.01, 100.123, 1e-7, MAX_ISEE_EUR + 1, Number.NaN, Infinity, '9360.00', null])(
    'refuses %p as euros',
    (value) => {
      expect(isEuroAmount(value)).toBe(false);
    },
  );

  it('requires a reason for a vulnerable household and trims it', () => {
    expect(() => checkedAssessment(true, '   ')).toThrow(FieldsError);
    expect(() => checkedAssessment(true, null)).toThrow(FieldsError);
    expect(checkedAssessment(true, '  Sfratto ')).toEqual({
      vulnerable: true,
      vulnerabilityReason: 'Sfratto',
    });
    expect(checkedAssessment(false, '')).toEqual({ vulnerable: false, vulnerabilityReason: null });
  });

  it('returns the ISEE as a number whatever the driver gives back', () => {
    const base = { iseeEur: '8450.50' } as Household;
    expect(toHouseholdRecord(base).iseeEur).toBe(8450.5);
    expect(toHouseholdRecord({ ...base, iseeEur: 9360 } as Household).iseeEur).toBe(9360);
    expect(toHouseholdRecord({ ...base, iseeEur: null } as Household).iseeEur).toBeNull();
  });
});
