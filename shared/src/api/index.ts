// Public surface of the api barrel (owner: cloud-functions engineer): action input schemas, error codes.
export * from './errors';
export * from './fields';
export * from './schemas';
export * from './certificates';
export * from './rounds';
export * from './claims';
export * from './calendar';
export * from './name-font';
export * from './roster';
export * from './stats';
export * from './results';
