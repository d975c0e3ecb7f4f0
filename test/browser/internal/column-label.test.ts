import { expect } from '@open-wc/testing';
import { columnLabel } from '../../../components/internal/column-label.js';

describe('components/internal/column-label', () => {
  it('humanises a column name written as a key', () => {
    expect(['first_name', 'firstName', 'FIRST_NAME', 'suburb', 'address-line-2', 'column2', 'e164'].map(columnLabel)).to.deep.equal([
      'First name', 'First name', 'First name', 'Suburb', 'Address line 2', 'Column 2', 'E164',
    ]);
  });

  it('shows a name written for people as written in the file', () => {
    expect(['Date of birth', 'Nº client', 'First Name', '  spaced  ', ''].map(columnLabel)).to.deep.equal(['Date of birth', 'Nº client', 'First Name', '  spaced  ', '']);
  });
});
