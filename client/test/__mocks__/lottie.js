// nutui's Lottie component pulls lottie-web, which needs a real canvas at import time; no page of ours animates.
module.exports = { __esModule: true, default: () => null };
