import { Injectable } from '@nestjs/common';
import { isEmail } from '@app/config';
import * as argon2 from 'argon2';
import type { ValidationIssue } from '@app/scheduling';
import { unauthorized, validationFailed } from '../domain/errors';
import type { Organiser } from '../domain/model';
import { OrganiserRepository } from '../ports/repositories';

export const MIN_PASSWORD_LENGTH = 8;

@Injectable()
export class OrganiserService {
  private dummyHash?: Promise<string>;

  constructor(private readonly organisers: OrganiserRepository) {}

  /** The organiser with these credentials, or UNAUTHORIZED (same answer and similar time either way). */
  async verifyCredentials(email: unknown, password: unknown): Promise<Organiser> {
    if (typeof email !== 'string' || typeof password !== 'string')
      throw unauthorized('Wrong email or password.');
    const organiser = await this.organisers.findByEmail(email.trim().toLowerCase());
    if (!organiser) {
      this.dummyHash ??= argon2.hash('not a password of anyone');
      await argon2.verify(await this.dummyHash, password).catch(() => false);
      throw unauthorized('Wrong email or password.');
    }
    const ok = await argon2.verify(organiser.passwordHash, password).catch(() => false);
    if (!ok) throw unauthorized('Wrong email or password.');
    return { id: organiser.id, email: organiser.email, createdAt: organiser.createdAt };
  }

  async findById(id: string): Promise<Organiser | null> {
    return this.organisers.findById(id);
  }

  /** Adds an organiser; VALIDATION_FAILED names `email` / `password`, ORGANISER_EXISTS when taken. */
  async create(email: string, password: string): Promise<Organiser> {
    const issues: ValidationIssue[] = [];
    const normalized = email.trim().toLowerCase();
    if (!isEmail(normalized))
      issues.push({ path: 'email', message: `not an email address: ${JSON.stringify(email)}` });
    if (password.length < MIN_PASSWORD_LENGTH) {
      issues.push({ path: 'password', message: `must be at least ${MIN_PASSWORD_LENGTH} characters` });
    }
    if (issues.length > 0) throw validationFailed(issues);
    const hash = await argon2.hash(password, { type: argon2.argon2id });
    return this.organisers.create(normalized, hash);
  }

  /** At start-up: creates the first organiser from the configuration when there is none. */
  async ensureFirstOrganiser(
    email?: string,
    password?: string,
  ): Promise<'created' | 'exists' | 'not-configured'> {
    if ((await this.organisers.count()) > 0) return 'exists';
    if (!email || !password) return 'not-configured';
    try {
      await this.create(email, password);
    } catch (error) {
      // Another process created it at the same moment.
      if ((await this.organisers.count()) > 0) return 'exists';
      throw error;
    }
    return 'created';
  }
}
