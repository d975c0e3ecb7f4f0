import { expect } from '@open-wc/testing';
import { displayPhone, formatPhone, parsePhone } from '../../../components/internal/phone.js';
import * as core from '../../../src/phone.js';

describe('components/internal/phone', () => {
  it('gives elements the parsePhone and formatPhone of src/phone.ts', () => {
    expect(parsePhone === core.parsePhone).to.equal(true);
    expect(formatPhone === core.formatPhone).to.equal(true);
  });

  it('shows numbers of the home country in national form, others in international form', () => {
    expect(displayPhone('+61412345678', 'AU')).to.equal('0412 345 678');
    expect(displayPhone('+61412345678', 'au')).to.equal('0412 345 678');
    expect(displayPhone('+61298765432', 'AU')).to.equal('(02) 9876 5432');
    expect(displayPhone('+442079460958', 'AU')).to.equal('+44 20 7946 0958');
    expect(displayPhone('+442079460958', 'GB')).to.equal('020 7946 0958');
    expect(displayPhone('+61412345678', undefined)).to.equal('+61 412 345 678');
  });

  it('leaves what is not a phone number as it is', () => {
    expect(displayPhone('demo-ben', 'AU')).to.equal('demo-ben');
    expect(displayPhone('', 'AU')).to.equal('');
    expect(displayPhone('+61400', 'AU')).to.equal('+61400');
  });
});
