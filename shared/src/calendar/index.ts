// Public surface of the calendar barrel (owner: people/calendar engineer). Date helpers stay internal so their
// generic names cannot collide with other barrels under `export *`.
export { InvalidDateError, isValidDate as isValidCivilDate } from './civil-date';
