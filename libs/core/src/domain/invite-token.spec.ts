import { hashInviteToken, isWellFormedInviteToken, newInviteToken, sameHash } from './invite-token';

describe('invite tokens', () => {
  it('carry 256 random bits behind a recognisable prefix', () => {
    const token = newInviteToken();
    expect(token).toMatch(/^inv_[A-Za-z0-9_-]{43}$/);
    expect(isWellFormedInviteToken(token)).toBe(true);
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    expect(newInviteToken()).not.toEqual(token);
  });

  it('are stored as a SHA-256 hash and compared in constant time', () => {
    const token = newInviteToken();
    const hash = hashInviteToken(token);
    expect(hash).toHaveLength(32);
    expect(sameHash(hash, hashInviteToken(token))).toBe(true);
    expect(sameHash(hash, hashInviteToken(newInviteToken()))).toBe(false);
    expect(sameHash(hash, Buffer.alloc(3))).toBe(false);
  });

  it('rejects malformed tokens', () => {
    expect(isWellFormedInviteToken('inv_short')).toBe(false);
    expect(isWellFormedInviteToken('jwt.like.token')).toBe(false);
  });
});
