module.exports = { displayName: 'shared', ...require('../jest.preset')(__dirname) };
