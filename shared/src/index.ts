// Public surface of the rules package. Each barrel has one owner; add exports there, not here.
export * from './scoring';
export * from './people';
export * from './calendar';
export * from './api';
