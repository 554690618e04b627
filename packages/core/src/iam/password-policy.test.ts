import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

describe('password policy (NIST SP 800-63B)', () => {
  it('accepts a long passphrase without composition rules', () => {
    expect(checkPassword('river lantern quietly')).toEqual([]);
    expect(checkPassword('alllowercaseletters')).toEqual([]);
  });

  it('refuses fewer than 12 characters, counting code points', () => {
    expect(checkPassword('short pass1')).toEqual(['too_short']);
    expect(checkPassword('ääääääääääää'.slice(0, 11))).toEqual(['too_short']);
  });

  it('refuses more than 128 characters', () => {
    expect(checkPassword('a b'.repeat(50))).toEqual(['too_long']);
  });

  it('refuses common passwords and common words padded with digits and symbols', () => {
    expect(checkPassword('password1234')).toContain('common');
    expect(checkPassword('Password2024!')).toContain('common');
    expect(checkPassword('Welcome12345')).toContain('common');
    expect(checkPassword('qwertyuiop12')).toContain('common');
  });

  it('refuses repetition and keyboard or alphabet sequences', () => {
    expect(checkPassword('aaaaaaaaaaaaaa')).toContain('repetitive');
    expect(checkPassword('abcabcabcabc')).toContain('repetitive');
    expect(checkPassword('1234567890123')).toContain('sequential');
    expect(checkPassword('zyxwvutsrqponm')).toContain('sequential');
  });

  it('refuses context words: the e-mail name, the person, the organisation, the service', () => {
    expect(checkPassword('margaretthatcher', { email: 'margaretthatcher@city.ee' })).toContain('contains_context');
    expect(checkPassword('CityShield2026!!')).toContain('contains_context');
    expect(checkPassword('tartu city hall 1', { organisationName: 'Tartu' })).toEqual([]);
  });
});
