// Names and residence-permit numbers as anyone but their owner sees them (a verifier of a certificate, the settlement
// list): moved here from the cloud functions so there is one masking module.
import { maskDocumentNumber, maskName } from '../../src/people';

describe('maskName', () => {
  test.each([
    ['张三明', '张*明'],
    ['张三', '张*'],
    ['欧阳小锋', '欧**锋'],
    ['张', '*'],
    ['', '*'],
  ])('maskName(%j) → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});

describe('maskDocumentNumber', () => {
  test.each([
    ['ZJ3301001234', 'ZJ33******34'],
    ['1234567', '1234*67'],
    ['123456', '******'],
    ['', ''],
  ])('maskDocumentNumber(%j) → %s', (value, masked) => {
    expect(maskDocumentNumber(value)).toBe(masked);
  });
});
