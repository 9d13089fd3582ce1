import { describe, expect, it } from 'vitest';
import { formatPhoneForPeople, isValidPhone, normalisePhone, phoneElsewhere, regionOfCountryName } from '../../src-shared/phone';

describe('phoneElsewhere', () => {
  it('asks whether a New York number typed in the UK is a US number', () => {
    expect(isValidPhone('(212) 555-0187', 'GB')).toBe(false);
    expect(phoneElsewhere('(212) 555-0187', 'GB')).toEqual({
      asTyped: '+442125550187',
      region: 'US',
      e164: '+12125550187',
      question: 'Is this a US number?',
    });
  });

  it('asks nothing about a number valid where it was typed, or one with its country code', () => {
    expect(phoneElsewhere('020 7946 0321', 'GB')).toBeNull();
    expect(phoneElsewhere('07700 900461', 'GB')).toBeNull();
    expect(phoneElsewhere('(212) 555-0187', 'US')).toBeNull();
    expect(phoneElsewhere('+1 212 555 0187', 'GB')).toBeNull();
    expect(phoneElsewhere('0044 20 7946 0321', 'US')).toBeNull();
  });

  it('does not ask about a national number written with the trunk 0 of where it was typed', () => {
    expect(phoneElsewhere('07700 900461', 'GB')).toBeNull();
  });

  it('names the country with the right article', () => {
    expect(phoneElsewhere('212 555 0187', 'IE')?.question).toBe('Is this a US number?');
  });

  it('leaves the stored form of valid numbers as it always was', () => {
    expect(normalisePhone('07700 900461', 'GB')).toBe('+447700900461');
    expect(normalisePhone('(212) 555-0187', 'US')).toBe('+12125550187');
  });
});

describe('regionOfCountryName', () => {
  it('reads the countries people write in addresses', () => {
    expect(regionOfCountryName('United States')).toBe('US');
    expect(regionOfCountryName('USA')).toBe('US');
    expect(regionOfCountryName('UK')).toBe('GB');
    expect(regionOfCountryName('United Kingdom')).toBe('GB');
    expect(regionOfCountryName('ireland')).toBe('IE');
    expect(regionOfCountryName('Narnia')).toBeNull();
    expect(regionOfCountryName('')).toBeNull();
  });
});

describe('formatPhoneForPeople', () => {
  it('writes home numbers nationally and foreign ones with their country code', () => {
    expect(formatPhoneForPeople('+447400123456', 'GB')).toBe('07400 123456');
    expect(formatPhoneForPeople('+12125550187', 'GB')).toBe('+1 212 555 0187');
  });
});
