// Calculator drafts shared by the e2e flows and the first-render benchmark.

/** RULES.md's worked example as a calculator draft: 30 years old, 本科 with degree, 48 months of insurance,
 * 4 years registered, renting 4 years → 148 points. */
export const WORKED_EXAMPLE_DRAFT = {
  birthDate: '1995-06-01',
  education: 'bachelor',
  hasDiplomaAndDegree: 'yes',
  socialInsuranceMonths: '48',
  residenceRegistrationYears: '4',
  rentalYears: '4',
  ownHome: 'no',
};
