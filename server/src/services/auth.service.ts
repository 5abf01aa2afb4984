import { randomUUID } from 'node:crypto';
import {
  auditRepository,
  membershipRepository,
  refreshTokenRepository,
  userRepository,
  type Db,
  type Locale,
  type User,
} from '@partnera/db';
import { AppError, fieldError, isUniqueViolation, unauthorized } from '../errors';
import { hashPassword, randomToken, sha256, verifyPassword } from '../domain/secrets';
import type { Me } from '../schemas/auth';

export interface AuthServiceOptions {
  refreshTokenDays: number;
  clock: () => Date;
}

/** A signed-in user and the refresh token to put in the cookie. */
export interface IssuedSession {
  user: User;
  refreshToken: string;
  refreshExpiresAt: Date;
}

// Verified against when the email is unknown, so a failed login takes as long either way.
let dummyHash: Promise<string> | undefined;

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly options: AuthServiceOptions,
  ) {}

  async register(input: { email: string; password: string; displayName: string; locale?: Locale }): Promise<IssuedSession> {
    const email = input.email.trim().toLowerCase();
    const passwordHash = await hashPassword(input.password);
    const taken = () => fieldError(409, 'email_taken', '/email', 'An account with this email already exists');
    const session = this.db.transaction().execute(async (trx) => {
      if (await userRepository.findUserByEmail(trx, email)) throw taken();
      const user = await userRepository.insertUser(trx, {
        email,
        display_name: input.displayName.trim(),
        password_hash: passwordHash,
        platform_role: null,
        locale: input.locale ?? 'en',
      });
      await auditRepository.recordAudit(trx, { actorId: user.id, action: 'user.registered', subjectType: 'user', subjectId: user.id });
      return this.issue(trx, user, randomUUID());
    });
    return session.catch((error: unknown) => {
      throw isUniqueViolation(error) ? taken() : error;
    });
  }

  async login(emailInput: string, password: string): Promise<IssuedSession> {
    const user = await userRepository.findUserByEmail(this.db, emailInput.trim());
    const ok = await verifyPassword(user?.password_hash ?? (await (dummyHash ??= hashPassword(randomToken()))), password);
    if (!user || !ok) throw new AppError(401, 'invalid_credentials', 'Email or password is wrong');
    return this.db.transaction().execute((trx) => this.issue(trx, user, randomUUID()));
  }

  /** Rotates a refresh token; presenting an already rotated token revokes its whole family (theft). */
  async refresh(token: string | undefined): Promise<IssuedSession> {
    if (!token) throw unauthorized('No session');
    const outcome = await this.db.transaction().execute(async (trx) => {
      const stored = await refreshTokenRepository.findRefreshTokenForUpdate(trx, sha256(token));
      if (!stored || stored.revoked_at) return { error: unauthorized('Session ended, sign in again') };
      if (stored.rotated_at) {
        await refreshTokenRepository.revokeFamily(trx, stored.family_id);
        await auditRepository.recordAudit(trx, {
          actorId: stored.user_id,
          action: 'session.refresh_reused',
          subjectType: 'user',
          subjectId: stored.user_id,
        });
        return { error: new AppError(401, 'refresh_reused', 'This session was used elsewhere and has been ended; sign in again') };
      }
      if (stored.expires_at <= this.options.clock()) return { error: unauthorized('Session expired, sign in again') };
      const user = await userRepository.findUserById(trx, stored.user_id);
      if (!user) return { error: unauthorized('Session ended, sign in again') };
      await refreshTokenRepository.markRotated(trx, stored.id);
      return { session: await this.issue(trx, user, stored.family_id) };
    });
    // The family revocation must commit even though the request fails, so the error is thrown after.
    if ('error' in outcome) throw outcome.error;
    return outcome.session;
  }

  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    const stored = await refreshTokenRepository.findRefreshTokenForUpdate(this.db, sha256(token));
    if (stored) await refreshTokenRepository.revokeFamily(this.db, stored.family_id);
  }

  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<IssuedSession> {
    const user = await userRepository.findUserById(this.db, userId);
    if (!user) throw unauthorized();
    if (!(await verifyPassword(user.password_hash, currentPassword))) {
      throw fieldError(422, 'invalid_current_password', '/currentPassword', 'The current password is wrong');
    }
    const passwordHash = await hashPassword(newPassword);
    return this.db.transaction().execute(async (trx) => {
      const updated = await userRepository.updateUser(trx, userId, { password_hash: passwordHash });
      // Every other session ends; the caller gets a fresh one.
      await refreshTokenRepository.revokeAllForUser(trx, userId);
      await auditRepository.recordAudit(trx, { actorId: userId, action: 'user.password_changed', subjectType: 'user', subjectId: userId });
      return this.issue(trx, updated ?? user, randomUUID());
    });
  }

  async me(userId: string): Promise<Me> {
    const user = await userRepository.findUserById(this.db, userId);
    if (!user) throw unauthorized();
    return this.toMe(user);
  }

  async updateMe(userId: string, changes: { displayName?: string; locale?: Locale }): Promise<Me> {
    const user = await userRepository.updateUser(this.db, userId, {
      ...(changes.displayName !== undefined && { display_name: changes.displayName.trim() }),
      ...(changes.locale !== undefined && { locale: changes.locale }),
    });
    if (!user) throw unauthorized();
    return this.toMe(user);
  }

  async toMe(user: User): Promise<Me> {
    const organisations = await membershipRepository.listMembershipsOfUser(this.db, user.id);
    return {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      platformRole: user.platform_role,
      locale: user.locale,
      createdAt: user.created_at.toISOString(),
      organisations,
    };
  }

  private async issue(trx: Db, user: User, familyId: string): Promise<IssuedSession> {
    const refreshToken = randomToken();
    const refreshExpiresAt = new Date(this.options.clock().getTime() + this.options.refreshTokenDays * 86_400_000);
    await refreshTokenRepository.insertRefreshToken(trx, {
      user_id: user.id,
      family_id: familyId,
      token_hash: sha256(refreshToken),
      expires_at: refreshExpiresAt,
    });
    return { user, refreshToken, refreshExpiresAt };
  }
}
