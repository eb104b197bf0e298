// Public surface of the people barrel (owner: people/calendar engineer).
export * from './citation';
export * from './age';
export * from './id-number';
export * from './evaluation';
export * from './pathway-rules';
export * from './pathways';
export * from './residence-permit';
export * from './delegation';
