// Entry `@hz-points/shared/guide`: the 办事指南 text (departments and what each reviews, per-indicator guide rows,
// FAQ), kept out of the package root so the calculator and the cloud functions do not bundle it. Everything else
// (rule data, scoring, people, calendar, api, the yearly timeline) comes from `@hz-points/shared`.
export * from './scoring/guide';
