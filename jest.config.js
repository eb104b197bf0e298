// One runner for the whole repo: each workspace keeps its own jest.config.js.
module.exports = {
  projects: ['<rootDir>/shared', '<rootDir>/cloudfunctions', '<rootDir>/client'],
};
