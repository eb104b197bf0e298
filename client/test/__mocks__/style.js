// Stylesheets are irrelevant to behaviour tests.
module.exports = {};
